package example.consumer;

import io.github.csbscontract.client.CheckResult;
import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.client.CsbsHttpException;
import io.github.csbscontract.client.RestoreItem;
import java.util.List;
import java.util.function.Supplier;

/**
 * A user's code: the client page's example (docs/client.md), word for word between the markers
 * (named when the example was in the README), compiled against nothing but what the client's
 * published POM brings (the compile scope).
 */
public final class RestoreCheck {

  private RestoreCheck() {}

  /** Asks whether the example's backup can be restored and prints the answer. */
  public static void printRestorability(String endpoint, Supplier<String> iamToken) {
    // README example start
    try (CsbsClient csbs = CsbsClient.builder()
        .baseUrl(endpoint)
        .projectId("0605767ab000d4c12f3bc0033d9d5d06")
        .tokenSupplier(iamToken)
        .build()) {
      List<CheckResult> results = csbs.checkRestorable(
          RestoreItem.backup("8986ce68-3da7-4d29-9cc2-1921e9504975")
              .ontoServer("5aa119a8-d25b-45a7-8d1b-88e127885635")
              .mapDisk("7ea119a8-d25b-43a7-8d1b-88e12788513a", "45baf976-c20a-4894-a7c3-c94b7376bf55")
              .build())
          .execute();
      for (CheckResult result : results) {
        System.out.println(result.passed() ? "restorable" : result.errorCode() + " " + result.errorMsg());
      }
    } catch (CsbsHttpException e) {
      System.out.println("HTTP " + e.status() + " " + e.errorCode() + ": " + e.errorMsg());
    }
    // README example end
  }
}
