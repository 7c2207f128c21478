package ${package};

import io.github.csbscontract.tests.ConformanceTests;
import io.github.csbscontract.tests.ContractCase;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The cases that hold for any data (the request-level answers: tokens, limits, bad bodies),
 * against the service over your own data; the others need the demo catalog and are skipped.
 * Error answers are compared by status and error code. When you replace
 * {@link InMemoryInventory}, give this test a project and a token of your data.
 */
class OwnDataConformanceTest extends ConformanceTests {

  private static HttpServer server;

  @BeforeAll
  static void start() {
    InMemoryInventory data = InMemoryInventory.sample();
    server = Main.start("127.0.0.1", 0, data, data);
  }

  @AfterAll
  static void stop() {
    server.shutdownNow();
  }

  @Override
  protected ContractCase.Target target() {
    return new ContractCase.Target("http://127.0.0.1:" + Main.port(server), InMemoryInventory.SAMPLE_PROJECT,
        InMemoryInventory.SAMPLE_TOKEN, null);
  }
}
