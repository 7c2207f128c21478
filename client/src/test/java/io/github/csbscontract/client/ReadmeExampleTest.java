package io.github.csbscontract.client;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.csbscontract.client.Wire.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client page's examples (docs/client.md), compiled and run here; a last test keeps the texts
 * equal. The markers keep the name they had when the examples were in the README.
 */
class ReadmeExampleTest {

  @RegisterExtension
  static final SpecCheckedWireMock wireMock = new SpecCheckedWireMock();

  private static final Path SOURCE = Path.of("src/test/java/io/github/csbscontract/client/ReadmeExampleTest.java");
  private static final Path CLIENT_PAGE = Path.of("../docs/client.md");

  @Test
  void theExampleRuns() {
    wireMock.server.stubFor(action().willReturn(json(200, body("seed-restorable-response.json"))));
    String endpoint = wireMock.baseUrl();
    Supplier<String> iamToken = () -> TOKEN;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
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
    } finally {
      System.setOut(stdout);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("restorable" + System.lineSeparator());
  }

  @Test
  void theListenerExampleLogsEachAttempt() {
    wireMock.server.stubFor(action().inScenario("busy").whenScenarioStateIs(STARTED)
        .willReturn(error(503, "CSBS.0503", "Service unavailable.")).willSetStateTo("free"));
    wireMock.server.stubFor(action().inScenario("busy").whenScenarioStateIs("free")
        .willReturn(json(200, body("protectable-response.json"))));
    String endpoint = wireMock.baseUrl();
    Supplier<String> iamToken = () -> TOKEN;
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record.getLevel() + " " + record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger.getLogger("restore-checks").addHandler(capture);
    try {
      // README listener example start
      Logger log = Logger.getLogger("restore-checks");
      try (CsbsClient csbs = CsbsClient.builder()
          .baseUrl(endpoint)
          .projectId("0605767ab000d4c12f3bc0033d9d5d06")
          .tokenSupplier(iamToken)
          .attemptListener(attempt -> log.info(attempt.action() + " attempt " + attempt.number() + ": "
              + (attempt.status() > 0 ? "HTTP " + attempt.status() : attempt.failure()) + " in "
              + attempt.duration().toMillis() + " ms"
              + (attempt.willRetry() ? ", next in " + attempt.delay().toMillis() + " ms" : "")))
          .build()) {
        csbs.checkProtectable(ProtectItem.server("5aa119a8-d25b-45a7-8d1b-88e127885635"),
            ProtectItem.server("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a")).execute();
      } catch (CsbsException e) {
        log.warning((e.isRetryable() ? "try again later: " : "will not pass as it is: ") + e.getMessage());
      }
      // README listener example end
    } finally {
      Logger.getLogger("restore-checks").removeHandler(capture);
    }
    assertThat(logged).hasSize(2);
    assertThat(logged.get(0)).matches("INFO check_protectable attempt 1: HTTP 503 in \\d+ ms, next in \\d+ ms");
    assertThat(logged.get(1)).matches("INFO check_protectable attempt 2: HTTP 200 in \\d+ ms");
  }

  @Test
  void theAsynchronousExampleRuns() throws Exception {
    wireMock.server.stubFor(action().willReturn(json(200, body("protectable-response.json"))));
    String endpoint = wireMock.baseUrl();
    Supplier<String> iamToken = () -> TOKEN;
    List<String> printed = new CopyOnWriteArrayList<>();
    Consumer<String> out = printed::add;
    // README async example start
    try (CsbsClient csbs = CsbsClient.builder()
        .baseUrl(endpoint)
        .projectId("0605767ab000d4c12f3bc0033d9d5d06")
        .tokenSupplier(iamToken)
        .build()) {
      CompletableFuture<List<CheckResult>> pending = csbs.checkProtectable(List.of(
              ProtectItem.server("5aa119a8-d25b-45a7-8d1b-88e127885635"),
              ProtectItem.server("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a")))
          .callTimeout(Duration.ofSeconds(5)) // this call's deadline; cancel() ends it sooner
          .enqueue();
      pending.thenAccept(results -> results.forEach(result -> out.accept(result.resourceId() + " " + result.passed())))
          .get();
    }
    // README async example end
    assertThat(printed).containsExactly("5aa119a8-d25b-45a7-8d1b-88e127885635 true",
        "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a false");
  }

  @Test
  void theClientPageShowsExactlyTheseExamples() throws Exception {
    String source = Files.readString(SOURCE);
    String page = Files.readString(CLIENT_PAGE);
    for (String name : List.of("README example", "README listener example", "README async example")) {
      String start = "// " + name + " start\n";
      String indent = source.substring(source.lastIndexOf('\n', source.indexOf(start)) + 1, source.indexOf(start));
      String example = source.substring(source.indexOf(start) + start.length(), source.indexOf(indent + "// " + name + " end"));
      String dedented = example.lines()
          .map(line -> line.length() >= indent.length() ? line.substring(indent.length()) : line.strip())
          .reduce((a, b) -> a + "\n" + b).orElseThrow();
      assertThat(page).as(name).contains(dedented);
    }
  }
}
