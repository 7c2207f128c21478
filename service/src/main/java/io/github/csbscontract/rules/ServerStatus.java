package io.github.csbscontract.rules;

/** Server states the catalog can describe; CSBS adds RESTORING while it restores a server. */
public enum ServerStatus {
  ACTIVE,
  SHUTOFF,
  BUILD,
  REBOOT,
  RESIZE,
  VERIFY_RESIZE,
  RESTORING,
  ERROR;

  /** Restore and backup need a server that is running or stopped, not busy or faulty. */
  public boolean isSteady() {
    return this == ACTIVE || this == SHUTOFF;
  }
}
