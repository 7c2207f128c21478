package io.github.csbscontract.client;

import static io.github.csbscontract.client.Wire.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client page's example (docs/client.md), compiled and run here; a second test keeps the two
 * texts equal. The markers keep the name they had when the example was in the README.
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
                .build());
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
  void theClientPageShowsExactlyThisExample() throws Exception {
    String source = Files.readString(SOURCE);
    String example = source.substring(source.indexOf("// README example start\n") + "// README example start\n".length(),
        source.indexOf("      // README example end"));
    String dedented = example.lines().map(line -> line.length() >= 6 ? line.substring(6) : line.strip())
        .reduce((a, b) -> a + "\n" + b).orElseThrow();
    assertThat(Files.readString(CLIENT_PAGE)).contains(dedented);
  }
}
