package io.github.csbscontract.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csbscontract.client.CheckResult;
import io.github.csbscontract.client.CsbsAuthenticationException;
import io.github.csbscontract.client.CsbsBadRequestException;
import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.client.CsbsServerException;
import io.github.csbscontract.client.CsbsThrottledException;
import io.github.csbscontract.client.RestoreItem;
import io.github.csbscontract.client.RetryPolicy;
import io.github.csbscontract.server.control.Fault;
import io.github.csbscontract.server.control.RecordedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client's retry policy against the stand-in's faults, written as a user of the extension
 * would write them: no hand-made stubs, and every answer is the service's own. (The WireMock
 * tests in the client module keep what the stand-in cannot answer: 502, 504, HTTP-date
 * Retry-After, the exact backoff delays.)
 */
@CsbsStandIn
class ClientRetriesOnTheStandInTest {

  private static final RestoreItem SEED = RestoreItem.backup("8986ce68-3da7-4d29-9cc2-1921e9504975")
      .ontoServer("5aa119a8-d25b-45a7-8d1b-88e127885635")
      .mapDisk("7ea119a8-d25b-43a7-8d1b-88e12788513a", "45baf976-c20a-4894-a7c3-c94b7376bf55")
      .build();

  @Test
  void http503IsRetriedThenSucceeds(StandIn csbs, CsbsClient client) {
    csbs.faults().add(Fault.serviceUnavailable().times(2));

    List<CheckResult> results = client.checkRestorable(SEED).execute();

    assertThat(results).singleElement().extracting(CheckResult::passed).isEqualTo(true);
    assertThat(statuses(csbs)).containsExactly(503, 503, 200);
  }

  @Test
  void http503IsRetriedUpToTheAttemptCap(StandIn csbs) {
    csbs.faults().add(Fault.serviceUnavailable());

    try (CsbsClient client = builder(csbs).retryPolicy(RetryPolicy.builder().maxAttempts(4).build()).build()) {
      assertThatThrownBy(() -> client.checkRestorable(SEED).execute())
          .isInstanceOfSatisfying(CsbsServerException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.errorCode()).isEqualTo("CSBS.0503");
          });
    }
    assertThat(statuses(csbs)).containsExactly(503, 503, 503, 503);
  }

  @Test
  void retryAfterIsHonoured(StandIn csbs, CsbsClient client) {
    csbs.faults().add(Fault.serviceUnavailable().withRetryAfter(Duration.ofSeconds(1)).times(1));

    long started = System.nanoTime();
    client.checkRestorable(SEED).execute();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(statuses(csbs)).containsExactly(503, 200);
  }

  @Test
  void aRetryAfterBeyondTheTotalTimeEndsTheRetriesAtOnce(StandIn csbs, CsbsClient client) {
    csbs.faults().add(Fault.serviceUnavailable().withRetryAfter(Duration.ofMinutes(2)));

    long started = System.nanoTime();
    assertThatThrownBy(() -> client.checkRestorable(SEED).execute()).isInstanceOf(CsbsServerException.class);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(statuses(csbs)).containsExactly(503);
  }

  @Test
  void http429IsRetriedAfterItsRetryAfterThenSucceeds(StandIn csbs, CsbsClient client) {
    csbs.faults().add(Fault.throttled().withRetryAfter(Duration.ofSeconds(1)).times(1));

    assertThat(client.checkRestorable(SEED).execute()).hasSize(1);
    assertThat(statuses(csbs)).containsExactly(429, 200);
  }

  @Test
  void throttlingThatOutlastsThePolicyEndsAsThrottledWithItsRetryAfter(StandIn csbs) {
    csbs.faults().add(Fault.throttled().withRetryAfter(Duration.ZERO));

    try (CsbsClient client = builder(csbs).retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build()) {
      assertThatThrownBy(() -> client.checkRestorable(SEED).execute())
          .isInstanceOfSatisfying(CsbsThrottledException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("APIG.0308");
            assertThat(e.retryAfter()).hasValue(Duration.ZERO);
            assertThat(e.requestId()).isPresent();
          });
    }
    assertThat(statuses(csbs)).containsExactly(429, 429);
  }

  @Test
  void aResetConnectionIsRetried(StandIn csbs, CsbsClient client) {
    csbs.faults().add(Fault.connectionReset().times(1));

    assertThat(client.checkRestorable(SEED).execute()).hasSize(1);
    assertThat(statuses(csbs)).as("the reset one was never answered").containsExactly(0, 200);
  }

  @Test
  void retriesCanBeTurnedOff(StandIn csbs) {
    csbs.faults().add(Fault.serviceUnavailable());

    try (CsbsClient client = builder(csbs).retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> client.checkRestorable(SEED).execute()).isInstanceOf(CsbsServerException.class);
    }
    assertThat(statuses(csbs)).containsExactly(503);
  }

  @Test
  void theServicesRefusalsAreNeverRetried(StandIn csbs) {
    try (CsbsClient wrongToken = CsbsClient.builder().baseUrl(csbs.baseUrl()).projectId(csbs.projectId())
        .token("not-a-token-of-this-catalog").build()) {
      assertThatThrownBy(() -> wrongToken.checkRestorable(SEED).execute())
          .isInstanceOfSatisfying(CsbsAuthenticationException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
    try (CsbsClient otherProject = CsbsClient.builder().baseUrl(csbs.baseUrl()).projectId(csbs.projectId())
        .token("demo-token-project-b").build()) {
      assertThatThrownBy(() -> otherProject.checkRestorable(SEED).execute())
          .isInstanceOfSatisfying(CsbsAuthenticationException.class, e -> assertThat(e.status()).isEqualTo(403));
    }
    try (CsbsClient otherProvider = builder(csbs).providerId("00000000-0000-4000-8000-000000000000")
        .validateRequests(false).build()) {
      assertThatThrownBy(() -> otherProvider.checkRestorable(SEED).execute())
          .isInstanceOfSatisfying(CsbsBadRequestException.class, e -> assertThat(e.errorMsg()).isEqualTo("provider invalid"));
    }
    assertThat(statuses(csbs)).containsExactly(401, 403, 400);
  }

  private static CsbsClient.Builder builder(StandIn csbs) {
    return CsbsClient.builder().baseUrl(csbs.baseUrl()).projectId(csbs.projectId()).token(csbs.token());
  }

  private static List<Integer> statuses(StandIn csbs) {
    return csbs.recorded().stream().map(RecordedRequest::status).toList();
  }
}
