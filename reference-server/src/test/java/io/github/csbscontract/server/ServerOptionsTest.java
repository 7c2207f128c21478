package io.github.csbscontract.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

  @Test
  void defaultsBindLoopbackPort8080WithTheDemoCatalogAndOneMebibyte() {
    ServerOptions options = ServerOptions.parse(new String[0], Map.of());
    assertThat(options).isEqualTo(new ServerOptions("127.0.0.1", 8080, null, 1_048_576, java.time.Duration.ofSeconds(30)));
  }

  @Test
  void environmentVariablesSetOptionsAndFlagsWin() {
    ServerOptions options = ServerOptions.parse(
        new String[] {"--port", "9090"}, Map.of("CSBS_PORT", "7070", "CSBS_HOST", "127.0.0.2", "CSBS_MAX_BODY_BYTES", "2048"));
    assertThat(options.port()).isEqualTo(9090);
    assertThat(options.host()).isEqualTo("127.0.0.2");
    assertThat(options.maxBodyBytes()).isEqualTo(2048);
  }

  @Test
  void helpIsAskedFor() {
    assertThat(ServerOptions.parse(new String[] {"--help"}, Map.of())).isNull();
    assertThat(ServerOptions.USAGE).contains("--host", "--port", "--catalog", "--max-body-bytes",
        "CSBS_HOST", "CSBS_PORT", "CSBS_CATALOG", "CSBS_MAX_BODY_BYTES");
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
  }
}
