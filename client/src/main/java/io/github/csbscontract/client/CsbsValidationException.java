package io.github.csbscontract.client;

import java.util.List;

/** The request breaks a rule of the spec; it was not sent. Each violation names field path and rule. */
public final class CsbsValidationException extends CsbsException {

  private static final long serialVersionUID = 1L;

  private final List<String> violations;

  CsbsValidationException(List<String> violations) {
    super("request not sent, it violates the spec: " + String.join("; ", violations), null);
    this.violations = List.copyOf(violations);
  }

  /** For example {@code check_restorable[0].target.volumes[0].volume_id: must match "..."}. */
  public List<String> violations() {
    return violations;
  }
}
