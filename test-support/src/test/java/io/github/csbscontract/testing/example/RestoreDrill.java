package io.github.csbscontract.testing.example;

import io.github.csbscontract.client.CheckResult;
import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.client.CsbsServerException;
import io.github.csbscontract.client.RestoreItem;

/** Code of a user of the client: decides whether tonight's restore drill can run. */
public final class RestoreDrill {

  private final CsbsClient csbs;

  public RestoreDrill(CsbsClient csbs) {
    this.csbs = csbs;
  }

  /** {@code ready}, {@code blocked: <CSBS code>}, or {@code try later} when the service is down. */
  public String check(String backupId, String serverId, String diskBackupId, String diskId) {
    try {
      CheckResult result = csbs.checkRestorable(
          RestoreItem.backup(backupId).ontoServer(serverId).mapDisk(diskBackupId, diskId).build()).execute().get(0);
      return result.passed() ? "ready" : "blocked: " + result.errorCode();
    } catch (CsbsServerException unavailable) {
      return "try later";
    }
  }
}
