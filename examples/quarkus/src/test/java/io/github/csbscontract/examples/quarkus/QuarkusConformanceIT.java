package io.github.csbscontract.examples.quarkus;

import io.github.csbscontract.tests.ConformanceTests;
import io.github.csbscontract.tests.ContractCase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every contract case, exact messages included, against the packaged application
 * ({@code target/quarkus-app/quarkus-run.jar}) started as a process, as it would be deployed.
 */
class QuarkusConformanceIT extends ConformanceTests {

  private static Process app;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path log = Files.createDirectories(Path.of("target")).resolve("quarkus-app.log");
    app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dquarkus.http.port=" + port, "-jar", "target/quarkus-app/quarkus-run.jar")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!listening()) {
      if (!app.isAlive() || Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the application did not start; see " + log + ":\n" + Files.readString(log));
      }
      Thread.sleep(50);
    }
  }

  private static boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
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
