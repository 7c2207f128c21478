package io.github.csbscontract.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.client.CsbsTimeoutException;
import io.github.csbscontract.client.CsbsTransportException;
import io.github.csbscontract.client.CsbsUnreadableResponseException;
import io.github.csbscontract.client.ProtectItem;
import io.github.csbscontract.client.RetryPolicy;
import io.github.csbscontract.server.control.Fault;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The client's timeouts and its reading of broken answers, against the stand-in's slow, trickled,
 * empty and truncated answers.
 */
@CsbsStandIn
class ClientTimeoutsOnTheStandInTest {

  private static final String ECS = "5aa119a8-d25b-45a7-8d1b-88e127885635";

  @Test
  void aSlowAnswerTimesOutNamingTheReadTimeout(StandIn csbs) {
    csbs.faults().add(Fault.latency(Duration.ofMillis(1500)));

    try (CsbsClient client = builder(csbs).okHttpClient(new OkHttpClient.Builder().readTimeout(Duration.ofMillis(200)).build()).retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> client.checkProtectable(ProtectItem.server(ECS)).execute())
          .isInstanceOf(CsbsTimeoutException.class)
          .hasMessageContaining("read timeout").hasMessageContaining("200 ms");
    }
  }

  @Test
  void aTimedOutAttemptIsRetried(StandIn csbs) {
    csbs.faults().add(Fault.latency(Duration.ofMillis(1500)).times(1));

    try (CsbsClient client = builder(csbs).okHttpClient(new OkHttpClient.Builder().readTimeout(Duration.ofMillis(300)).build()).build()) {
      assertThat(client.checkProtectable(ProtectItem.server(ECS)).execute()).hasSize(1);
    }
    assertThat(csbs.recorded()).hasSize(2);
  }

  @Test
  void theCallTimeoutBoundsTheWholeCallEvenWhileTheBodyTrickles(StandIn csbs) {
    csbs.faults().add(Fault.slowBody(Duration.ofMillis(100)));

    long started = System.nanoTime();
    try (CsbsClient client = builder(csbs).callTimeout(Duration.ofMillis(500)).build()) {
      assertThatThrownBy(() -> client.checkProtectable(ProtectItem.server(ECS)).execute())
          .isInstanceOf(CsbsTimeoutException.class)
          .hasMessageContaining("call timeout");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void anEmptySuccessBodyIsUnreadable(StandIn csbs, CsbsClient client) {
    csbs.faults().add(Fault.emptyBody());

    assertThatThrownBy(() -> client.checkProtectable(ProtectItem.server(ECS)).execute())
        .isInstanceOfSatisfying(CsbsUnreadableResponseException.class, e -> assertThat(e.status()).isEqualTo(200));
  }

  @Test
  void aTruncatedBodyIsRetriedThenATransportFailure(StandIn csbs, CsbsClient client) {
    csbs.faults().add(Fault.truncatedBody());

    assertThatThrownBy(() -> client.checkProtectable(ProtectItem.server(ECS)).execute())
        .isInstanceOf(CsbsTransportException.class)
        .isNotInstanceOf(CsbsTimeoutException.class);
    assertThat(csbs.recorded()).hasSize(RetryPolicy.defaults().maxAttempts());
  }

  private static CsbsClient.Builder builder(StandIn csbs) {
    return CsbsClient.builder().baseUrl(csbs.baseUrl()).projectId(csbs.projectId()).token(csbs.token());
  }
}
