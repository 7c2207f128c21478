package io.github.csbscontract.examples.quarkus;

import io.github.csbscontract.tests.ConformanceTests;
import io.github.csbscontract.tests.ContractCase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every contract case, exact messages included, against the packaged application
 * ({@code target/quarkus-app/quarkus-run.jar}) started as a process, as it would be deployed.
 */
class QuarkusConformanceIT extends ConformanceTests {

  /**
   * Quarkus's log line once it listens; port 0 lets the system choose (no free port picked
   * beforehand that another process could take in between), this says which.
   */
  private static final Pattern LISTENING = Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)");

  private static Process app;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dquarkus.http.port=0", "-Dquarkus.http.host=127.0.0.1", "-jar", "target/quarkus-app/quarkus-run.jar")
        .redirectErrorStream(true).start();
    BufferedReader log = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = log.readLine(); line != null; line = log.readLine()) {
      seen.append(line).append('\n');
      Matcher listening = LISTENING.matcher(line);
      if (listening.find()) {
        port = Integer.parseInt(listening.group(1));
        // The rest of the log goes on being read, so that the application never blocks on it.
        Thread drain = new Thread(() -> log.lines().forEach(rest -> { }), "quarkus-log");
        drain.setDaemon(true);
        drain.start();
        return;
      }
    }
    throw new IllegalStateException("the application ended before it listened:\n" + seen);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    app.destroy();
    app.waitFor();
  }

  @Override
  protected ContractCase.Target target() {
    return ContractCase.Target.demo("http://127.0.0.1:" + port);
  }

  @Override
  protected boolean demoCatalog() {
    return true;
  }
}
