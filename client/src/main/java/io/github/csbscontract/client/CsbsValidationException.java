package io.github.csbscontract.client;

import java.util.List;

/**
 * The request breaks a rule of the spec, or holds a null where an item belongs; it was not sent.
 * Each violation names the field path and the rule.
 */
public final class CsbsValidationException extends CsbsException {

  private static final long serialVersionUID = 1L;

  /** What is wrong, one entry per field and rule. */
  private final List<String> violations;

  CsbsValidationException(String context, List<String> violations) {
    super(context + ": request not sent, it violates the spec: " + String.join("; ", violations), null);
    this.violations = List.copyOf(violations);
  }

  /**
   * What is wrong, one entry per field and rule.
   *
   * @return for example {@code check_restorable[0].target.volumes[0].volume_id: must match "..."},
   *     or {@code check_restorable[1]: must not be null}
   */
  public List<String> violations() {
    return violations;
  }
}
