package io.github.csbscontract.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the server must never give away: a token in its logs, or another project's data. */
class ServerSecrecyTest {

  /** The operation's cases sent with a project's own token and nothing but token and content type. */
  static List<ContractCase> operationCases() {
    return Cases.provokable().stream()
        .filter(c -> "POST".equals(c.method()) && c.path(ContractCase.Target.demo("")).endsWith("/resources/action")
            && "${token}".equals(c.json().path("request").path("headers").path("X-Auth-Token").asText())
            && c.headers(ContractCase.Target.demo("")).keySet().equals(Set.of("X-Auth-Token", "Content-Type")))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operationCases")
  void aValidTokenOfAnotherProjectGets403OnEveryCase(ContractCase c) throws Exception {
    try (ReferenceServer server = ReferenceServer.start(ServerOptions.forTests())) {
      // Project A's path, project B's token: whatever the body, the gateway answers 403.
      ContractCase.Target foreign = new ContractCase.Target(server.baseUri().toString(),
          "0605767ab000d4c12f3bc0033d9d5d06", "demo-token-project-b", null);
      HttpCaseRunner.Answer answer = new HttpCaseRunner().send(c, foreign);

      assertThat(answer.status()).as(answer.body()).isEqualTo(403);
      JsonNode body = new ObjectMapper().readTree(answer.body());
      assertThat(body.path("error_code").asText()).isEqualTo("APIG.0302");
      assertThat(body.path("error_msg").asText()).isEqualTo("The IAM user is not authorized to access the API.");
      assertThat(body.path("request_id").asText()).isNotBlank();
      assertThat(body.size()).as(answer.body()).isEqualTo(3);
    }
  }

  @Test
  void noTokenAppearsInTheServersLogsEvenAtTheFinestLevel() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      private final SimpleFormatter format = new SimpleFormatter();

      @Override
      public void publish(LogRecord record) {
        lines.add(format.format(record));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    capture.setLevel(Level.ALL);
    Logger root = Logger.getLogger("");
    Level rootLevel = root.getLevel();
    List<Logger> loud = List.of(Logger.getLogger("io.netty"),
        Logger.getLogger("io.github.csbscontract"));
    loud.forEach(logger -> logger.setLevel(Level.ALL));
    root.addHandler(capture);
    try (ReferenceServer server = ReferenceServer.start(ServerOptions.forTests())) {
      HttpCaseRunner runner = new HttpCaseRunner();
      ContractCase.Target target = ContractCase.Target.demo(server.baseUri().toString());
      for (ContractCase c : Cases.all()) {
        runner.send(c, target);
      }
    } finally {
      root.removeHandler(capture);
      root.setLevel(rootLevel);
      loud.forEach(logger -> logger.setLevel(null));
    }
    assertThat(lines).as("the server logged at all").isNotEmpty();
    assertThat(String.join("\n", lines)).doesNotContain("demo-token-project-a", "demo-token-project-b",
        "not-a-valid-token-at-all");
  }
}
