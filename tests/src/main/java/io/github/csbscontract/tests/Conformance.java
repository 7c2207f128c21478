package io.github.csbscontract.tests;

import java.io.PrintStream;
import java.util.List;

/**
 * Runs the contract cases against any running implementation of the API and reports one line
 * per case and {@code N passed, M failed, K skipped}; exits 1 when a case failed.
 *
 * <pre>
 * java -jar tests/target/csbs-conformance.jar --base-url http://127.0.0.1:8080 \
 *     --project-id 0605767ab000d4c12f3bc0033d9d5d06 --token demo-token-project-a \
 *     [--other-token demo-token-project-b] [--demo-catalog]
 * </pre>
 *
 * Cases that need the reference server's demo catalog are skipped unless {@code --demo-catalog}
 * says the server holds it, and so are answers no request can provoke (throttling, failures); error answers are compared by status and {@code error_code} (the
 * wording of {@code error_msg} is the implementation's), except with {@code --demo-catalog}.
 */
public final class Conformance {

  static final String USAGE = """
      Usage: java -jar csbs-conformance.jar --base-url URL --project-id ID --token TOKEN
                                            [--other-token TOKEN] [--demo-catalog] [--gateway-limits]
        --base-url       where the implementation listens, for example http://127.0.0.1:8080
        --project-id     a project of that server (32 lowercase hex characters)
        --token          a valid X-Auth-Token of that project
        --other-token    a valid token of another project (enables the 403 case)
        --demo-catalog   the server holds the reference demo catalog: run every case, messages exact
        --gateway-limits the server enforces the gateway's limits itself (16 KB of headers): run those cases
      """;

  private Conformance() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String baseUrl = null;
    String projectId = null;
    String token = null;
    String otherToken = null;
    boolean demoCatalog = false;
    boolean gatewayLimits = false;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--base-url" -> baseUrl = args[++i];
          case "--project-id" -> projectId = args[++i];
          case "--token" -> token = args[++i];
          case "--other-token" -> otherToken = args[++i];
          case "--demo-catalog" -> demoCatalog = true;
          case "--gateway-limits" -> gatewayLimits = true;
          case "--help", "-h" -> {
            out.print(USAGE);
            return 0;
          }
          default -> throw new IllegalArgumentException(args[i] + ": unknown option");
        }
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      err.println(args[args.length - 1] + ": needs a value");
      err.print(USAGE);
      return 2;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print(USAGE);
      return 2;
    }
    if (baseUrl == null || projectId == null || token == null) {
      err.println("--base-url, --project-id and --token are required");
      err.print(USAGE);
      return 2;
    }
    return runCases(new ContractCase.Target(baseUrl, projectId, token, otherToken), demoCatalog, gatewayLimits, out);
  }

  private static int runCases(ContractCase.Target target, boolean demoCatalog, boolean gatewayLimits, PrintStream out) {
    HttpCaseRunner runner = new HttpCaseRunner();
    List<ContractCase> cases = ContractCases.all();
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (ContractCase c : cases) {
      String skip = c.replayOnly() ? "no request can provoke this answer; checked against the client only"
          : c.needsDemoCatalog() && !demoCatalog
              ? "needs the demo catalog: load it into your service's store (FixtureLoader) and add --demo-catalog"
          : c.gatewayLimit() && !gatewayLimits ? "a limit of the gateway; add --gateway-limits if your server enforces it"
          : c.usesOtherToken() && target.otherToken() == null ? "needs --other-token" : null;
      if (skip != null) {
        out.println("SKIP " + c.id() + " (" + skip + ")");
        skipped++;
        continue;
      }
      List<String> differences;
      try {
        differences = HttpCaseRunner.differences(c, runner.send(c, target), demoCatalog);
      } catch (Exception e) {
        differences = List.of("no answer: " + e);
      }
      if (differences.isEmpty()) {
        out.println("PASS " + c.id());
        passed++;
      } else {
        out.println("FAIL " + c.id() + ": " + String.join("; ", differences));
        failed++;
      }
    }
    out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");
    return failed == 0 ? 0 : 1;
  }
}
