package io.github.csbscontract.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.csbscontract.client.Wire.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsbsClientRetryTest {

  @RegisterExtension
  static final SpecCheckedWireMock wireMock = new SpecCheckedWireMock();

  private final List<Long> delays = new CopyOnWriteArrayList<>();

  private CsbsClient.Builder recordingClient() {
    return client(wireMock).sleeper((millis, canceled) -> delays.add(millis));
  }

  private void answerInTurn(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
    String state = STARTED;
    for (int i = 0; i < answers.length; i++) {
      String next = i == answers.length - 1 ? "done" : "attempt-" + (i + 2);
      var stub = action().inScenario("retry").whenScenarioStateIs(state).willReturn(answers[i]).willSetStateTo(next);
      if (answers[i].build().getFault() != null) {
        stub = stub.withMetadata(offSpec());
      }
      wireMock.server.stubFor(stub);
      state = next;
    }
  }

  /** 503 and the service's own refusals are in test-support's ClientRetriesOnTheStandInTest. */
  @ParameterizedTest
  @ValueSource(ints = {502, 504})
  void gatewayStatusesAreRetriedUpToTheAttemptCap(int status) {
    wireMock.server.stubFor(action().withMetadata(offSpec())
        .willReturn(error(status, "APIG.0201", "backend unavailable")));

    try (CsbsClient client = recordingClient().retryPolicy(RetryPolicy.builder().maxAttempts(4).build()).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOfSatisfying(CsbsServerException.class, e -> assertThat(e.status()).isEqualTo(status));
    }
    assertThat(wireMock.served()).hasSize(4);
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 413, 500})
  void otherErrorStatusesAreNeverRetried(int status) {
    wireMock.server.stubFor(action().willReturn(error(status, "CSBS.9999", "no retry for this")));

    try (CsbsClient client = recordingClient().build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute()).isInstanceOf(CsbsHttpException.class);
    }
    assertThat(wireMock.served()).hasSize(1);
    assertThat(delays).isEmpty();
  }

  @Test
  void backoffGrowsExponentiallyWithJitterAndIsCapped() {
    wireMock.server.stubFor(action().willReturn(error(503, "CSBS.9999", "query backup service failed")));
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(6)
        .initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(400)).maxTotalTime(Duration.ofMinutes(1)).build();

    try (CsbsClient client = recordingClient().retryPolicy(policy).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute()).isInstanceOf(CsbsServerException.class);
    }
    assertThat(delays).hasSize(5);
    long[][] bounds = {{50, 100}, {100, 200}, {200, 400}, {200, 400}, {200, 400}};
    for (int i = 0; i < bounds.length; i++) {
      assertThat(delays.get(i)).as("delay %d", i + 1).isBetween(bounds[i][0], bounds[i][1] - 1);
    }
  }

  @Test
  void retryAfterInSecondsIsHonoured() {
    answerInTurn(error(503, "CSBS.9999", "query backup service failed").withHeader("Retry-After", "3"),
        json(200, body("seed-restorable-response.json")));

    try (CsbsClient client = recordingClient().build()) {
      client.checkRestorable(seedItem()).execute();
    }
    assertThat(delays).containsExactly(3000L);
  }

  @Test
  void theTokenSupplierIsCalledForEveryAttempt() {
    answerInTurn(error(503, "CSBS.9999", "query backup service failed"), json(200, body("seed-restorable-response.json")),
        json(200, body("seed-restorable-response.json")));
    AtomicInteger calls = new AtomicInteger();

    try (CsbsClient client = CsbsClient.builder().baseUrl(wireMock.baseUrl()).projectId(PROJECT)
        .tokenSupplier(() -> "token-" + calls.incrementAndGet()).sleeper((millis, canceled) -> delays.add(millis)).build()) {
      client.checkRestorable(seedItem()).execute();
      client.checkRestorable(seedItem()).execute();
    }
    assertThat(calls).hasValue(3);
    assertThat(wireMock.served()).extracting(e -> e.getRequest().getHeader("X-Auth-Token"))
        .containsExactly("token-1", "token-2", "token-3");
  }
}
