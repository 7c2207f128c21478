package io.github.csbscontract.examples.sql;

import io.github.csbscontract.tests.ConformanceTests;
import io.github.csbscontract.tests.ContractCase;
import io.github.csbscontract.tests.FixtureLoader;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every contract case, exact messages included, through the service's own store: the cases'
 * data are written into its tables ({@link SqlFixtures}), and each answer comes from its
 * queries, its row mapping and Jersey.
 */
class SqlConformanceTest extends ConformanceTests {

  private static Database database;
  private static HttpServer server;

  @BeforeAll
  static void start() throws Exception {
    database = Database.start("conformance");
    server = SqlMain.start("127.0.0.1", 0, new SqlInventory(database.pool));
  }

  @AfterAll
  static void stop() {
    server.shutdownNow();
    database.close();
  }

  @Override
  protected ContractCase.Target target() {
    return ContractCase.Target.demo("http://127.0.0.1:" + SqlMain.port(server));
  }

  @Override
  protected FixtureLoader fixtures() {
    return new SqlFixtures(database.pool);
  }
}
