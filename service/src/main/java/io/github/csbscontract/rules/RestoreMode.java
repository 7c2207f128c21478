package io.github.csbscontract.rules;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** {@code extend_info.supported_restore_mode} of a checkpoint item; {@code na}: cannot be restored. */
public enum RestoreMode {
  NA,
  SNAPSHOT,
  BACKUP;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
