package ${package};

import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.catalog.DemoCatalog;
import io.github.csbscontract.tests.ConformanceTests;
import io.github.csbscontract.tests.ContractCase;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every contract case, messages compared exactly: the service as {@link Main} wires it, over the
 * demo catalog that the cases were written against instead of your data.
 */
class DemoCatalogConformanceTest extends ConformanceTests {

  private static HttpServer server;

  @BeforeAll
  static void start() {
    Catalog demo = DemoCatalog.load();
    server = Main.start("127.0.0.1", 0, demo, demo);
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
  protected boolean demoCatalog() {
    return true;
  }
}
