package io.github.csbscontract.examples.boot;

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
 * Every contract case, exact messages included, against the packaged jar
 * ({@code target/csbs-example-boot.jar}) started as a process, as it would be deployed: what
 * {@code @SpringBootTest} would not show (Boot's own JSON resolver is only in the packaged
 * application's Jersey).
 */
class BootConformanceIT extends ConformanceTests {

  /** Boot's log line once Tomcat listens; port 0 lets the system choose, this says which. */
  private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

  private static Process app;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", "target/csbs-example-boot.jar", "--server.port=0", "--server.address=127.0.0.1")
        .redirectErrorStream(true).start();
    BufferedReader log = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = log.readLine(); line != null; line = log.readLine()) {
      seen.append(line).append('\n');
      Matcher started = STARTED.matcher(line);
      if (started.find()) {
        port = Integer.parseInt(started.group(1));
        // The rest of the log goes on being read, so that the application never blocks on it.
        Thread drain = new Thread(() -> log.lines().forEach(rest -> { }), "boot-log");
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
