package io.github.csbscontract.tests;

import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runner 4: the client against the running reference server, for every case the client can express. */
class EndToEndCaseTest {

  private static ReferenceServer server;

  @BeforeAll
  static void start() throws Exception {
    server = ReferenceServer.start(ServerOptions.forTests());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<ContractCase> cases() {
    return ClientCases.expressible().stream().filter(c -> !c.replayOnly()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void clientAndServerAgreeOnTheCase(ContractCase c) throws Exception {
    ClientCases.runAndCheck(c, ContractCase.Target.demo(server.baseUri().toString()));
  }
}
