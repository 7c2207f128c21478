package io.github.csbscontract.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import io.github.csbscontract.spec.SpecContract;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runner 3: the reference server, on a random port with the demo catalog, answers each case
 * exactly; replay-only cases (answers no request can provoke) are the client's alone.
 */
class ServerCaseTest {

  private static ReferenceServer server;
  private static ContractCase.Target target;
  private final HttpCaseRunner runner = new HttpCaseRunner();

  @BeforeAll
  static void start() throws Exception {
    server = ReferenceServer.start(ServerOptions.forTests());
    target = ContractCase.Target.demo(server.baseUri().toString());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<ContractCase> cases() {
    return Cases.provokable();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void serverAnswersExactlyAsTheCaseSays(ContractCase c) throws Exception {
    HttpCaseRunner.Answer answer = runner.send(c, target);

    assertThat(HttpCaseRunner.differences(c, answer, true)).as(c.description() + "\nbody: " + answer.body()).isEmpty();
    SpecContract.assertValidResponse(c.method(), c.path(target), answer.status(), answer.contentType(), answer.body());
  }
}
