package io.github.csbscontract.client;

import static io.github.csbscontract.client.Wire.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Nulls where items belong are the caller's mistake: named, never sent, on both paths. */
class CsbsClientNullTest {

  @RegisterExtension
  static final SpecCheckedWireMock wireMock = new SpecCheckedWireMock();

  @Test
  void aNullItemIsNamedByIndexAndNotSent() {
    try (CsbsClient client = client(wireMock).build()) {
      assertThatThrownBy(() -> client.checkRestorable(Arrays.asList(seedItem(), null)).execute())
          .isInstanceOfSatisfying(CsbsValidationException.class,
              e -> assertThat(e.violations()).containsExactly("check_restorable[1]: must not be null"));
      assertThatThrownBy(() -> client.checkProtectable(ProtectItem.server("5aa119a8-d25b-45a7-8d1b-88e127885635"), null).execute())
          .isInstanceOfSatisfying(CsbsValidationException.class,
              e -> assertThat(e.violations()).containsExactly("check_protectable[1]: must not be null"));
    }
    assertThat(wireMock.served()).isEmpty();
  }

  @Test
  void withValidationOffANullItemIsStillNotSent() {
    try (CsbsClient client = client(wireMock).validateRequests(false).build()) {
      assertThatThrownBy(() -> client.checkRestorable(Arrays.asList(null, seedItem())).execute())
          .isInstanceOfSatisfying(CsbsValidationException.class,
              e -> assertThat(e.violations()).containsExactly("check_restorable[0]: must not be null"));
    }
    assertThat(wireMock.served()).isEmpty();
  }

  @Test
  void theAsyncFormsReturnAFailedFutureForANullListOrItem() {
    try (CsbsClient client = client(wireMock).build()) {
      CompletableFuture<List<CheckResult>> nullList = client.checkRestorable((List) null).enqueue();
      CompletableFuture<List<CheckResult>> nullItem = client.checkRestorable(Arrays.asList(seedItem(), null)).enqueue();

      assertThat(nullList).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
          .havingCause().isInstanceOf(CsbsValidationException.class).withMessageContaining("check_restorable: must not be null");
      assertThat(nullItem).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
          .havingCause().isInstanceOf(CsbsValidationException.class).withMessageContaining("check_restorable[1]: must not be null");
    }
    assertThat(wireMock.served()).isEmpty();
  }
}
