package io.github.csbscontract.server;

import io.github.csbscontract.core.Contract;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.spec.SpecContract;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar as its users start it: {@code java -jar csbs-reference-server.jar}. */
class ReferenceServerProcessIT {

  private static final Path JAR = Path.of("target/csbs-reference-server.jar");
  private static final Pattern READY = Pattern.compile("^CSBS reference server listening on (http://127\\.0\\.0\\.1:\\d+/) .*");

  @TempDir
  Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void startsWithOneLineNamingItsUrlServesSpecAndHealthAndStopsOnSigterm() throws Exception {
    Process server = start(Map.of(), "--port", "0");
    try (BufferedReader out = reader(server)) {
      String first = out.readLine();
      Matcher ready = READY.matcher(first == null ? "" : first);
      assertThat(ready.matches()).as("first line: %s", first).isTrue();
      String base = ready.group(1);

      HttpResponse<String> health = get(base + "health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
      HttpResponse<String> spec = get(base + "openapi.yaml");
      assertThat(spec.statusCode()).isEqualTo(200);
      assertThat(spec.body()).isEqualTo(SpecContract.specText());

      // Process.destroy() would also close our end of its output; kill(1) sends SIGTERM alone.
      new ProcessBuilder("kill", "-TERM", String.valueOf(server.pid())).start().waitFor();
      // Read before the exit: the JDK drains and closes a dead process's pipe under our reader.
      assertThat(out.readLine()).isEqualTo("CSBS reference server stopped");
      assertThat(server.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
      assertThat(server.exitValue()).as("a clean stop exits 0, not 143").isZero();
      assertThat(new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
          .as("nothing but the ready line is logged").isEmpty();
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  void optionsComeFromTheEnvironmentToo() throws Exception {
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(catalog, """
        {"projects": [{"id": "ffffffffffffffffffffffffffffffff", "name": "mine", "tokens": ["my-own-token-1"]}],
         "servers": [], "backups": []}
        """);
    Process server = start(Map.of("CSBS_PORT", "0", "CSBS_CATALOG", catalog.toString()));
    try (BufferedReader out = reader(server)) {
      Matcher ready = READY.matcher(String.valueOf(out.readLine()));
      assertThat(ready.matches()).isTrue();
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ready.group(1)
              + "v1/ffffffffffffffffffffffffffffffff/providers/" + Contract.CSBS_PROVIDER_ID + "/resources/action"))
          .header("X-Auth-Token", "my-own-token-1").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"check_protectable\":[{\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\",\"resource_type\":\"OS::Nova::Server\"}]}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.body()).contains("\"error_code\":\"CSBS.6000\"");
    } finally {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void helpListsEveryOption() throws Exception {
    Process help = start(Map.of(), "--help");
    assertThat(help.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(help.exitValue()).isZero();
    assertThat(new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("--host", "--port", "--catalog", "--max-body-bytes", "--header-timeout", "--idle-timeout",
            "--shutdown-grace", "CSBS_CATALOG");
  }

  @Test
  void aBrokenCatalogStopsStartupNamingFilePlaceAndProblem() throws Exception {
    Path catalog = dir.resolve("broken.json");
    Files.writeString(catalog, "{\"projects\": [], \"servers\": [{\"id\": 42}], \"backups\": []}");
    Process server = start(Map.of(), "--port", "0", "--catalog", catalog.toString());
    assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).isEqualTo(1);
    assertThat(new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains(catalog.toString(), "$.servers[0]", "line 1");
  }

  @Test
  void aBadOptionIsNamed() throws Exception {
    Process server = start(Map.of(), "--port", "eighty");
    assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).isEqualTo(2);
    assertThat(new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("port: not a number: eighty");
  }

  private Process start(Map<String, String> env, String... args) throws IOException {
    assertThat(JAR).as("built by this module's package phase (run as an integration test)").exists();
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("CSBS_"));
    builder.environment().putAll(env);
    return builder.start();
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
