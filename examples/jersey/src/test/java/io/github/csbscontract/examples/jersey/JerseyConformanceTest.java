package io.github.csbscontract.examples.jersey;

import io.github.csbscontract.tests.ConformanceTests;
import io.github.csbscontract.tests.ContractCase;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every contract case, exact messages included, against the service on Jersey. */
class JerseyConformanceTest extends ConformanceTests {

  private static HttpServer server;

  @BeforeAll
  static void start() {
    server = JerseyMain.start(0);
  }

  @AfterAll
  static void stop() {
    server.shutdownNow();
  }

  @Override
  protected ContractCase.Target target() {
    return ContractCase.Target.demo("http://127.0.0.1:" + JerseyMain.port(server));
  }

  @Override
  protected boolean demoCatalog() {
    return true;
  }
}
