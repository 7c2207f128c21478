package example.modulepath;

import io.github.csbscontract.client.CheckResult;
import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.client.ProtectItem;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;

/** A user's code on the module path: OkHttpClient is readable through the client's module. */
public final class ProtectCheck {

  private ProtectCheck() {}

  /** Whether the server can be backed up, asked with an OkHttpClient of the application's own. */
  public static List<CheckResult> check(String endpoint, String serverId) {
    OkHttpClient shared = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).build();
    try (CsbsClient csbs = CsbsClient.builder()
        .baseUrl(endpoint)
        .projectId("0605767ab000d4c12f3bc0033d9d5d06")
        .token("module-path-token")
        .okHttpClient(shared)
        .build()) {
      return csbs.checkProtectable(ProtectItem.server(serverId)).execute();
    } finally {
      shared.dispatcher().executorService().shutdown();
      shared.connectionPool().evictAll();
    }
  }
}
