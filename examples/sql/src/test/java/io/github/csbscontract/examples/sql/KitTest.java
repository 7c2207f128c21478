package io.github.csbscontract.examples.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csbscontract.catalog.DemoCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit as published ({@code csbs-restore-check-tests}, classifier {@code kit},
 * copied from the Maven repository by the build), run with {@code java -jar} against the service
 * as deployed, after the demo catalog was loaded into its database through the same
 * {@link SqlFixtures}: every case passes, none is skipped for want of data.
 */
class KitTest {

  @Test
  void thePublishedKitPassesEveryCaseAgainstTheServiceOnItsDatabase() throws Exception {
    Path kit = Path.of("target", "csbs-conformance-kit.jar");
    assertTrue(Files.isRegularFile(kit), kit + " (copied by the build from the local repository)");
    try (Database database = Database.start("kit")) {
      new SqlFixtures(database.pool).load(DemoCatalog.load());
      HttpServer server = SqlMain.start("127.0.0.1", 0, new SqlInventory(database.pool));
      try {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar", kit.toString(), "--base-url", "http://127.0.0.1:" + SqlMain.port(server),
            "--project-id", DemoCatalog.PROJECT_A, "--token", DemoCatalog.TOKEN_A,
            "--other-token", DemoCatalog.TOKEN_B, "--demo-catalog")
            .redirectErrorStream(true).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = run.waitFor();

        List<String> lines = out.lines().toList();
        assertEquals(0, code, out);
        assertTrue(lines.get(lines.size() - 1).matches("\\d+ passed, 0 failed, 4 skipped"), out);
        assertTrue(lines.stream().filter(line -> line.startsWith("SKIP "))
            .allMatch(line -> line.contains("no request can provoke") || line.contains("limit of the gateway")), out);
      } finally {
        server.shutdownNow();
      }
    }
  }
}
