package io.github.csbscontract.rules;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Checkpoint item states, as the CSBS API spells them. */
public enum BackupStatus {
  WAITING_PROTECT,
  PROTECTING,
  AVAILABLE,
  WAITING_RESTORE,
  RESTORING,
  ERROR,
  WAITING_DELETE,
  DELETING,
  DELETED;

  /** Busy with a backup, restore or delete task. */
  public boolean isExecuting() {
    return switch (this) {
      case WAITING_PROTECT, PROTECTING, WAITING_RESTORE, RESTORING, WAITING_DELETE, DELETING -> true;
      default -> false;
    };
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
