package example.boot;

import io.github.csbscontract.client.CheckResult;
import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.client.CsbsHttpException;
import io.github.csbscontract.client.RestoreItem;
import org.springframework.stereotype.Service;

/** A service's use of the client: can this backup be restored onto that server now? */
@Service
public class RestoreService {

  private final CsbsClient csbs;

  public RestoreService(CsbsClient csbs) {
    this.csbs = csbs;
  }

  /** "ready", "blocked: CODE", or "try later" when the service is unavailable. */
  public String check(String backup, String server, String diskBackup, String disk) {
    try {
      CheckResult result = csbs.checkRestorable(
          RestoreItem.backup(backup).ontoServer(server).mapDisk(diskBackup, disk).build()).execute().get(0);
      return result.passed() ? "ready" : "blocked: " + result.errorCode();
    } catch (CsbsHttpException e) {
      return e.status() == 503 ? "try later" : "refused: " + e.errorCode();
    }
  }
}
