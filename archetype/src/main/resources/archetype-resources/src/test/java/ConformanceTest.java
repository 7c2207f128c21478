package ${package};

import io.github.csbscontract.tests.ConformanceTests;
import io.github.csbscontract.tests.ContractCase;
import io.github.csbscontract.tests.FixtureLoader;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every contract case, messages compared exactly, against the service as {@link Main} wires it,
 * through your own store: {@link InMemoryFixtures} loads the cases' data into it before they run.
 * When you replace {@link InMemoryInventory}, start the service over your store here and load
 * the data into it: a bug in your store's code then fails this test.
 */
class ConformanceTest extends ConformanceTests {

  private static InMemoryInventory store;
  private static HttpServer server;

  @BeforeAll
  static void start() {
    store = new InMemoryInventory();
    server = Main.start("127.0.0.1", 0, store, store);
  }

  @AfterAll
  static void stop() {
    server.shutdownNow();
  }

  @Override
  protected ContractCase.Target target() {
    return ContractCase.Target.demo("http://127.0.0.1:" + Main.port(server));
  }

  @Override
  protected FixtureLoader fixtures() {
    return new InMemoryFixtures(store);
  }
}
