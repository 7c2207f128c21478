package io.github.csbscontract.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.csbscontract.client.Wire.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The attempt listener sees every attempt as it ends; isRetryable() says which failures may pass. */
class CsbsClientAttemptListenerTest {

  @RegisterExtension
  static final SpecCheckedWireMock wireMock = new SpecCheckedWireMock();

  private final List<AttemptListener.Attempt> attempts = new CopyOnWriteArrayList<>();
  private final List<Long> waits = new CopyOnWriteArrayList<>();

  private CsbsClient.Builder listened() {
    return client(wireMock).attemptListener(attempts::add).sleeper((millis, canceled) -> waits.add(millis));
  }

  @Test
  void everyAttemptIsToldWithItsStatusNumberAndTheWaitBeforeTheNext() {
    wireMock.server.stubFor(action().inScenario("s").whenScenarioStateIs(STARTED)
        .willReturn(error(503, "CSBS.0503", "Service unavailable.").withHeader("Retry-After", "2")).willSetStateTo("reset"));
    wireMock.server.stubFor(action().inScenario("s").whenScenarioStateIs("reset").withMetadata(offSpec())
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
    wireMock.server.stubFor(action().inScenario("s").whenScenarioStateIs("ok")
        .willReturn(json(200, body("seed-restorable-response.json"))));

    try (CsbsClient client = listened().retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).build()) {
      client.checkRestorable(seedItem()).execute();
    }

    assertThat(attempts).extracting(AttemptListener.Attempt::number, AttemptListener.Attempt::status,
        AttemptListener.Attempt::willRetry).containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 503, true),
            org.assertj.core.groups.Tuple.tuple(2, 0, true),
            org.assertj.core.groups.Tuple.tuple(3, 200, false));
    assertThat(attempts).allSatisfy(a -> assertThat(a.action()).isEqualTo("check_restorable"));
    assertThat(attempts.get(0).delay()).isEqualTo(Duration.ofSeconds(2)).isEqualTo(Duration.ofMillis(waits.get(0)));
    assertThat(attempts.get(0).failure()).isEmpty();
    assertThat(attempts.get(1).failure()).isNotEmpty().isEqualTo(attempts.get(1).failure().strip());
    assertThat(attempts.get(1).delay()).isEqualTo(Duration.ofMillis(waits.get(1)));
    assertThat(attempts.get(2).delay()).isEqualTo(Duration.ZERO);
    assertThat(attempts.toString()).doesNotContain(TOKEN);
  }

  @Test
  void aListenerThatThrowsDoesNotChangeTheCall() {
    wireMock.server.stubFor(action().willReturn(json(200, body("seed-restorable-response.json"))));

    try (CsbsClient client = client(wireMock).attemptListener(attempt -> {
      throw new IllegalStateException("metrics backend down");
    }).build()) {
      assertThat(client.checkRestorable(seedItem()).execute()).hasSize(1);
    }
  }

  @ParameterizedTest
  @CsvSource({"429, true", "502, true", "503, true", "504, true", "400, false", "401, false", "403, false",
      "404, false", "413, false", "500, false"})
  void anErrorStatusIsRetryableWhenThePolicyWouldRetryIt(int status, boolean retryable) {
    wireMock.server.stubFor(action().withMetadata(offSpec()).willReturn(error(status, "CSBS.9999", "x")));

    try (CsbsClient client = listened().retryPolicy(RetryPolicy.none()).build()) {
      CsbsHttpException e = catchThrowableOfType(CsbsHttpException.class, () -> client.checkRestorable(seedItem()).execute());
      assertThat(e.isRetryable()).isEqualTo(retryable);
    }
  }

  @Test
  void aBrokenConnectionIsRetryableAndARefusedRequestIsNot() {
    wireMock.server.stubFor(action().withMetadata(offSpec()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    try (CsbsClient client = listened().retryPolicy(RetryPolicy.none()).build()) {
      assertThat(catchThrowableOfType(CsbsTransportException.class, () -> client.checkRestorable(seedItem()).execute()).isRetryable())
          .isTrue();
      assertThat(catchThrowableOfType(CsbsValidationException.class, () -> client.checkProtectable(ProtectItem.server("not-a-uuid")).execute()).isRetryable())
          .isFalse();
    }
    assertThat(attempts).singleElement().satisfies(a -> {
      assertThat(a.status()).isZero();
      assertThat(a.failure()).isNotEmpty();
      assertThat(a.willRetry()).isFalse();
    });
  }
}
