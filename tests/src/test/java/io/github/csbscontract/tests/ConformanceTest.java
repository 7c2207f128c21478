package io.github.csbscontract.tests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kit an implementer runs against their own server, run here against ours and a fake. */
class ConformanceTest {

  private static final String PROJECT = "0605767ab000d4c12f3bc0033d9d5d06";

  @Test
  void theReferenceServerPassesAsAForeignServer() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(ServerOptions.forTests())) {
      Run run = run("--base-url", server.baseUri().toString(), "--project-id", PROJECT, "--token", "demo-token-project-a");

      long portable = Cases.all().stream()
          .filter(c -> !c.needsDemoCatalog() && !c.usesOtherToken() && !c.replayOnly() && !c.gatewayLimit()).count();
      assertThat(run.code).isZero();
      assertThat(run.lastLine()).isEqualTo(portable + " passed, 0 failed, " + (Cases.all().size() - portable) + " skipped");
      assertThat(run.out).contains("SKIP check_restorable/should_pass_when_seed_example (needs the demo catalog: load it into your"
              + " service's store (FixtureLoader) and add --demo-catalog)",
          "SKIP request/should_answer_403_when_token_is_of_another_project (needs --other-token)",
          "SKIP request/should_answer_503_when_the_service_is_unavailable (no request can provoke this answer;"
              + " checked against the client only)");
    }
  }

  @Test
  void theReferenceServerPassesEveryCaseWithItsDemoCatalog() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(ServerOptions.forTests())) {
      Run run = run("--base-url", server.baseUri().toString(), "--project-id", PROJECT, "--token", "demo-token-project-a",
          "--other-token", "demo-token-project-b", "--demo-catalog", "--gateway-limits");

      long replayOnly = Cases.all().stream().filter(ContractCase::replayOnly).count();
      assertThat(run.code).isZero();
      assertThat(run.lastLine()).isEqualTo((Cases.all().size() - replayOnly) + " passed, 0 failed, " + replayOnly
          + " skipped");
    }
  }

  @Test
  void aServerThatOnlyReplaysExamplesFails() {
    WireMockServer replay = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    replay.start();
    try {
      replay.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
          .withBody("{\"restorable\":[{\"resource_id\":\"6507cb66-90dc-4a12-a573-c9f3398f899d\",\"resource_type\":\"OS::Nova::Server\",\"result\":true,\"error_code\":\"\",\"error_msg\":\"\"}]}")));
      Run run = run("--base-url", "http://127.0.0.1:" + replay.port(), "--project-id", PROJECT, "--token", "any-token-at-all");

      assertThat(run.code).isEqualTo(1);
      assertThat(run.out).contains("FAIL request/should_answer_401_when_token_missing: status: expected 401, was 200");
      assertThat(run.lastLine()).matches("0 passed, \\d+ failed, \\d+ skipped");
    } finally {
      replay.stop();
    }
  }

  @Test
  void missingOptionsAreNamed() {
    Run run = run("--base-url", "http://127.0.0.1:1");
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err).contains("--base-url, --project-id and --token are required");
  }

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Conformance.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private record Run(int code, String out, String err) {
    String lastLine() {
      List<String> lines = out.lines().toList();
      return lines.get(lines.size() - 1);
    }
  }
}
