package io.github.csbscontract.client;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.csbscontract.client.Wire.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 429 (APIG.0308): retried within the policy, honouring Retry-After, and readable when it ends a call. */
class CsbsClientThrottlingTest {

  @RegisterExtension
  static final SpecCheckedWireMock wireMock = new SpecCheckedWireMock();

  private static final String THROTTLED = "The throttling threshold has been reached.";
  private final List<Long> delays = new CopyOnWriteArrayList<>();

  private CsbsClient.Builder recordingClient() {
    return client(wireMock).sleeper((millis, canceled) -> delays.add(millis));
  }

  @Test
  void a429ThatOutlastsThePolicyEndsTheCallAsThrottledWithRetryAfterAndHeaders() {
    wireMock.server.stubFor(action().willReturn(error(429, "APIG.0308", THROTTLED)
        .withHeader("Retry-After", "1").withHeader("X-Trace", "a").withHeader("X-Trace", "b")));

    try (CsbsClient client = recordingClient().build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOfSatisfying(CsbsThrottledException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.errorCode()).isEqualTo("APIG.0308");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
            assertThat(e.headers().get("retry-after")).containsExactly("1");
            assertThat(e.headers().get("RETRY-AFTER")).containsExactly("1");
            assertThat(e.headers().get("x-trace")).containsExactly("a", "b");
            assertThat(e.getMessage()).contains("after 3 attempts");
          });
    }
    assertThat(wireMock.served()).hasSize(RetryPolicy.defaults().maxAttempts());
    assertThat(delays).containsExactly(1000L, 1000L);
  }

  @Test
  void aRetryAfterDateIsReadRelativeToNow() {
    String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
    wireMock.server.stubFor(action().willReturn(error(429, "APIG.0308", THROTTLED).withHeader("Retry-After", inAMinute)));

    try (CsbsClient client = recordingClient().build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOfSatisfying(CsbsThrottledException.class,
              e -> assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60))));
    }
    assertThat(wireMock.served()).as("a wait beyond the policy's total time is not waited").hasSize(1);
  }

  @Test
  void a429WithoutRetryAfterBacksOffAndReportsNoWait() {
    wireMock.server.stubFor(action().willReturn(error(429, "APIG.0308", THROTTLED)));

    try (CsbsClient client = recordingClient().build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOfSatisfying(CsbsThrottledException.class, e -> assertThat(e.retryAfter()).isEmpty());
    }
    assertThat(delays).hasSize(2);
  }

  @Test
  void theHeadersOfAnErrorAreReadOnly() {
    wireMock.server.stubFor(action().willReturn(error(400, "CSBS.9001", "provider invalid")));

    try (CsbsClient client = client(wireMock).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOfSatisfying(CsbsBadRequestException.class, e -> {
            assertThat(e.headers()).containsKey("Content-Type");
            assertThatThrownBy(() -> e.headers().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> e.headers().get("content-type").add("x")).isInstanceOf(UnsupportedOperationException.class);
          });
    }
  }
}
