package io.github.csbscontract.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.csbscontract.client.Wire.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Messages an operator can act on: which call, which project, which limit, what came back. */
class CsbsClientMessageTest {

  @RegisterExtension
  static final SpecCheckedWireMock wireMock = new SpecCheckedWireMock();

  @Test
  void theCallTimeoutIsNamedWithItsValueAndTheAttempts() {
    wireMock.server.stubFor(action().willReturn(json(200, body("seed-restorable-response.json")).withFixedDelay(1500)));

    try (CsbsClient client = client(wireMock).callTimeout(Duration.ofMillis(300)).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOf(CsbsTimeoutException.class)
          .hasMessageContaining("check_restorable")
          .hasMessageContaining("call timeout (300 ms)")
          .hasMessageContaining("1 attempt");
    }
  }

  @Test
  void theReadTimeoutIsNamedWithItsValueAndTheAttempts() {
    wireMock.server.stubFor(action().willReturn(json(200, body("seed-restorable-response.json")).withFixedDelay(1500)));

    try (CsbsClient client = client(wireMock).okHttpClient(readTimeout(Duration.ofMillis(200))).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOf(CsbsTimeoutException.class)
          .hasMessageContaining("read timeout (200 ms)")
          .hasMessageContaining("3 attempts");
    }
  }

  @Test
  void anHttpErrorNamesTheOperationAndTheProjectButNotTheToken() {
    wireMock.server.stubFor(action().willReturn(error(404, "APIG.0101", "The API does not exist or has not been published in the environment.")));

    try (CsbsClient client = client(wireMock).build()) {
      assertThatThrownBy(() -> client.checkProtectable(ProtectItem.server("5aa119a8-d25b-45a7-8d1b-88e127885635")).execute())
          .isInstanceOf(CsbsNotFoundException.class)
          .hasMessageContaining("check_protectable")
          .hasMessageContaining(PROJECT)
          .hasMessageContaining("HTTP 404 APIG.0101")
          .message().doesNotContain(TOKEN);
    }
  }

  @Test
  void aResultCountMismatchKeepsTheBodySnippet() {
    wireMock.server.stubFor(action().withMetadata(offSpec()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"protectable\": []}")));

    try (CsbsClient client = client(wireMock).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOfSatisfying(CsbsUnreadableResponseException.class, e -> {
            assertThat(e.getMessage()).contains("no results for 1 items");
            assertThat(e.bodySnippet()).isEqualTo("{\"protectable\": []}");
          });
    }
  }

  @Test
  void aTransportFailureNamesTheOperationTheProjectAndTheAttempts() {
    try (CsbsClient client = CsbsClient.builder().baseUrl("http://127.0.0.1:1").projectId(PROJECT).token(TOKEN)
        .sleeper((millis, canceled) -> { }).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOf(CsbsTransportException.class)
          .hasMessageContaining("check_restorable")
          .hasMessageContaining(PROJECT)
          .hasMessageContaining("3 attempts")
          .message().doesNotContain(TOKEN);
    }
  }
}
