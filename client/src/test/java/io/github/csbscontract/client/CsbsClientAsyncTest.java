package io.github.csbscontract.client;

import static io.github.csbscontract.client.Wire.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CsbsClientAsyncTest {

  @RegisterExtension
  static final SpecCheckedWireMock wireMock = new SpecCheckedWireMock();

  @Test
  void checkRestorableAsyncCompletesWithTheResults() throws Exception {
    wireMock.server.stubFor(action().willReturn(json(200, body("seed-restorable-response.json"))));

    try (CsbsClient client = client(wireMock).build()) {
      assertThat(client.checkRestorable(List.of(seedItem())).enqueue().get(5, TimeUnit.SECONDS))
          .extracting(CheckResult::passed).containsExactly(true);
    }
  }

  @Test
  void checkProtectableAsyncCompletesWithTheResults() throws Exception {
    wireMock.server.stubFor(action().willReturn(json(200, body("protectable-response.json"))));

    try (CsbsClient client = client(wireMock).build()) {
      assertThat(client.checkProtectable(ProtectItem.server("5aa119a8-d25b-45a7-8d1b-88e127885635"), ProtectItem.server("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a")).enqueue()
          .get(5, TimeUnit.SECONDS)).hasSize(2);
      assertThat(client.checkProtectable(List.of(ProtectItem.server("5aa119a8-d25b-45a7-8d1b-88e127885635"),
          ProtectItem.server("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"))).enqueue().get(5, TimeUnit.SECONDS)).hasSize(2);
    }
  }

  @Test
  void anErrorStatusCompletesExceptionallyWithTheSameType() {
    wireMock.server.stubFor(action().willReturn(error(404, "APIG.0101", "The API does not exist or has not been published in the environment.")));

    try (CsbsClient client = client(wireMock).build()) {
      CompletableFuture<List<CheckResult>> future = client.checkRestorable(List.of(seedItem())).enqueue();
      assertThat(future).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause().isInstanceOf(CsbsNotFoundException.class);
    }
  }

  @Test
  void aTimeoutCompletesExceptionallyWithTheSameType() {
    wireMock.server.stubFor(action().willReturn(json(200, body("seed-restorable-response.json")).withFixedDelay(1500)));

    try (CsbsClient client = client(wireMock).okHttpClient(readTimeout(Duration.ofMillis(200))).retryPolicy(RetryPolicy.none()).build()) {
      assertThat(client.checkRestorable(List.of(seedItem())).enqueue()).failsWithin(Duration.ofSeconds(5))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class).havingCause().isInstanceOf(CsbsTimeoutException.class);
    }
  }

  @Test
  void anInvalidRequestCompletesExceptionallyAndIsNotSent() {
    try (CsbsClient client = client(wireMock).build()) {
      RestoreItem shortId = RestoreItem.backup("8986ce68-3da7-4d29-9cc2-1921e950497")
          .ontoServer("5aa119a8-d25b-45a7-8d1b-88e127885635")
          .mapDisk("7ea119a8-d25b-43a7-8d1b-88e12788513a", "45baf976-c20a-4894-a7c3-c94b7376bf55").build();
      assertThat(client.checkRestorable(List.of(shortId)).enqueue()).failsWithin(Duration.ofSeconds(1))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class).havingCause().isInstanceOf(CsbsValidationException.class);
    }
    assertThat(wireMock.served()).isEmpty();
  }
}
