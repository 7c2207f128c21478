package example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The client page's example (docs/client.md) against the reference server's demo catalog, in-process. */
class ReadmeExampleTest {

  @Test
  void theReadmeExamplePrintsRestorable() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    try (ReferenceServer server = ReferenceServer.start(ServerOptions.forTests())) {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      RestoreCheck.printRestorability(server.baseUri().toString(), () -> "demo-token-project-a");
    } finally {
      System.setOut(stdout);
    }
    assertEquals("restorable" + System.lineSeparator(), printed.toString(StandardCharsets.UTF_8));
  }
}
