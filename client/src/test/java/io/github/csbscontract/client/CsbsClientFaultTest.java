package io.github.csbscontract.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.csbscontract.client.Wire.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hostile and broken answers: the client ends each with its documented exception, and cleans up. */
class CsbsClientFaultTest {

  @RegisterExtension
  static final SpecCheckedWireMock wireMock = new SpecCheckedWireMock();

  @Test
  void aFiftyMegabyteAnswerIsCutOffNotBuffered() {
    String huge = "{\"restorable\":[" + "{\"result\":true},".repeat(50 * 1024 * 1024 / 16) + "{\"result\":true}]}";
    wireMock.server.stubFor(action().withMetadata(offSpec()).willReturn(json(200, huge)));

    try (CsbsClient client = client(wireMock).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOfSatisfying(CsbsUnreadableResponseException.class, e -> {
            assertThat(e.getMessage()).contains("body larger than 4194304 bytes");
            assertThat(e.bodySnippet()).hasSizeLessThanOrEqualTo(203);
          });
    }
  }

  @Test
  void anAnswerThatNeverEndsIsBoundedByTheCallTimeout() {
    // A chunk every 100 ms keeps each read alive; only the call timeout can end it.
    wireMock.server.stubFor(action().willReturn(json(200, body("seed-restorable-response.json"))
        .withChunkedDribbleDelay(200, 20_000)));

    long started = System.nanoTime();
    try (CsbsClient client = client(wireMock).okHttpClient(readTimeout(Duration.ofSeconds(5))).callTimeout(Duration.ofSeconds(1)).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute()).isInstanceOf(CsbsTimeoutException.class);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void a503StormEndsInBoundedRetriesAndLeavesNothingBehindAfterClose() throws Exception {
    wireMock.server.stubFor(action().willReturn(error(503, "CSBS.9999", "query backup service failed")));
    int calls = 40;
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).build();

    CsbsClient client = client(wireMock).retryPolicy(policy).build();
    OkHttpClient http = httpOf(client);
    List<CompletableFuture<List<CheckResult>>> futures = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      futures.add(client.checkRestorable(List.of(seedItem())).enqueue());
    }
    for (CompletableFuture<List<CheckResult>> future : futures) {
      assertThatThrownBy(() -> future.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(CsbsServerException.class);
    }
    assertThat(wireMock.served()).hasSize(calls * policy.maxAttempts());

    client.close();
    assertThat(http.dispatcher().runningCallsCount()).isZero();
    assertThat(http.dispatcher().queuedCallsCount()).isZero();
    assertThat(http.dispatcher().executorService().awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    assertThat(http.connectionPool().connectionCount()).isZero();
  }

  @Test
  void aGarbledStatusLineIsATransportFailure() {
    wireMock.server.stubFor(action().withMetadata(offSpec())
        .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.RANDOM_DATA_THEN_CLOSE)));

    try (CsbsClient client = client(wireMock).retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute()).isInstanceOf(CsbsTransportException.class);
    }
  }

  private static OkHttpClient httpOf(CsbsClient client) {
    return client.httpClient();
  }
}
