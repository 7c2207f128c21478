package io.github.csbscontract.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

  @Test
  void defaultsBindLoopbackPort8080WithTheDemoCatalogAndDocumentedLimits() {
    ServerOptions options = ServerOptions.parse(new String[0], Map.of());
    long budget = Math.max(1_048_576, Math.min(33_554_432, Runtime.getRuntime().maxMemory() / 4));
    assertThat(options).isEqualTo(new ServerOptions("127.0.0.1", 8080, null, 1_048_576, budget,
        Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(5), false, false));
    assertThat(options).isEqualTo(ServerOptions.defaults());
  }

  @Test
  void environmentVariablesSetOptionsAndFlagsWin() {
    ServerOptions options = ServerOptions.parse(
        new String[] {"--port", "9090", "--idle-timeout", "2m"},
        Map.of("CSBS_PORT", "7070", "CSBS_HOST", "127.0.0.2", "CSBS_MAX_BODY_BYTES", "2048",
            "CSBS_HEADER_TIMEOUT", "500ms", "CSBS_IDLE_TIMEOUT", "5", "CSBS_SHUTDOWN_GRACE", "0s",
            "CSBS_BODY_TIMEOUT", "7s", "CSBS_BODY_BUDGET_BYTES", "4096"));
    assertThat(options.port()).isEqualTo(9090);
    assertThat(options.host()).isEqualTo("127.0.0.2");
    assertThat(options.maxBodyBytes()).isEqualTo(2048);
    assertThat(options.bodyBudgetBytes()).isEqualTo(4096);
    assertThat(options.headerTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(options.bodyTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(options.shutdownGrace()).isEqualTo(Duration.ZERO);
  }

  @Test
  void aLargerBodyLimitRaisesTheBudgetThatMustHoldIt() {
    ServerOptions options = ServerOptions.parse(new String[] {"--max-body-bytes", "134217728"}, Map.of());
    assertThat(options.bodyBudgetBytes()).isEqualTo(134_217_728);
  }

  @Test
  void helpListsEveryOptionWithItsVariable() {
    assertThat(ServerOptions.parse(new String[] {"--help"}, Map.of())).isNull();
    assertThat(ServerOptions.USAGE).contains("--host", "--port", "--catalog", "--max-body-bytes",
        "--body-budget-bytes", "--body-timeout", "--header-timeout", "--idle-timeout", "--shutdown-grace",
        "CSBS_HOST", "CSBS_PORT", "CSBS_CATALOG", "CSBS_MAX_BODY_BYTES", "CSBS_BODY_BUDGET_BYTES",
        "CSBS_BODY_TIMEOUT", "CSBS_HEADER_TIMEOUT", "CSBS_IDLE_TIMEOUT", "CSBS_SHUTDOWN_GRACE");
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--port", "eighty"}, Map.of()))
        .hasMessage("port: not a number: eighty");
    assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--verbose", "1"}, Map.of()))
        .hasMessage("--verbose: unknown option (see --help)");
    assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--catalog"}, Map.of()))
        .hasMessage("--catalog: needs a value (see --help)");
    assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--catalog", "/no/such/file.json"}, Map.of()))
        .hasMessage("catalog: no such file: /no/such/file.json");
    assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--port", "70000"}, Map.of()))
        .hasMessageStartingWith("port: must be 0 to 65535");
    assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--header-timeout", "soon"}, Map.of()))
        .hasMessage("header-timeout: not a time (30, 30s, 500ms, 2m): soon");
    assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--idle-timeout", "0"}, Map.of()))
        .hasMessage("idle-timeout: must be positive, was PT0S");
    assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--body-budget-bytes", "2000"}, Map.of()))
        .hasMessageStartingWith("body-budget-bytes: must be at least max-body-bytes");
  }
}
