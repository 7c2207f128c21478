package io.github.csbscontract.client;

import static io.github.csbscontract.client.Wire.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tokens as applications have them: read from a file with its line end, with a stray character,
 * or from a supplier that fails. The token is never repeated, the failure is the library's own
 * and the same on the synchronous and the asynchronous path, and nothing is printed.
 */
class CsbsClientTokenTest {

  @RegisterExtension
  static final SpecCheckedWireMock wireMock = new SpecCheckedWireMock();

  private static final String SECRET = "MIIT-secret-iam-token-7f3a9c";

  @ParameterizedTest(name = "token + {0}")
  @ValueSource(strings = {"\n", "\r\n", " ", "\u00e9", "\u0000"})
  void aStaticTokenThatNoHeaderCanCarryIsRefusedByTheBuilderWithoutRepeatingIt(String stray) {
    Throwable failure = catchThrowable(() -> {
      try (CsbsClient client = CsbsClient.builder().baseUrl(wireMock.baseUrl()).projectId(PROJECT)
          .token(SECRET + stray).build()) {
        client.checkRestorable(seedItem()).execute();
      }
    });

    assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("token ");
    assertThat(StandardError.stackText(failure)).doesNotContain(SECRET);
    assertThat(wireMock.served()).isEmpty();
  }

  @ParameterizedTest(name = "supplier gives token + {0}")
  @ValueSource(strings = {"\n", "\u00e9"})
  void aSuppliedTokenThatNoHeaderCanCarryFailsTheSameWayOnBothPathsWithoutRepeatingIt(String stray) {
    assertSameFailureOnBothPaths(() -> SECRET + stray, "tokenSupplier returned a token");
  }

  @Test
  void aSupplierThatThrowsFailsTheSameWayOnBothPaths() {
    assertSameFailureOnBothPaths(() -> {
      throw new IllegalStateException("vault unreachable");
    }, "tokenSupplier failed");
  }

  @Test
  void aSupplierThatReturnsNullFailsTheSameWayOnBothPaths() {
    assertSameFailureOnBothPaths(() -> null, "tokenSupplier returned no token");
  }

  @ParameterizedTest(name = "suffix {0}")
  @ValueSource(strings = {"my-app/1.0\n", "caf\u00e9/2"})
  void aUserAgentSuffixThatNoHeaderCanCarryIsRefusedByTheBuilder(String suffix) {
    Throwable failure = catchThrowable(() -> {
      try (CsbsClient client = client(wireMock).userAgentSuffix(suffix).build()) {
        client.checkRestorable(seedItem()).execute();
      }
    });

    assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("userAgentSuffix ");
    assertThat(wireMock.served()).isEmpty();
  }

  private static void assertSameFailureOnBothPaths(Supplier<String> tokens, String message) {
    Throwable sync;
    Throwable async;
    String printed;
    try (StandardError stderr = new StandardError()) {
      try (CsbsClient client = CsbsClient.builder().baseUrl(wireMock.baseUrl()).projectId(PROJECT)
          .tokenSupplier(tokens).build()) {
        sync = catchThrowable(() -> client.checkRestorable(seedItem()).execute());
        async = catchThrowable(() -> client.checkRestorable(List.of(seedItem())).enqueue().get());
      }
      printed = stderr.text();
    }

    assertThat(sync).isInstanceOf(CsbsException.class).hasMessageContaining(message);
    assertThat(async).isInstanceOf(ExecutionException.class);
    assertThat(async.getCause()).isExactlyInstanceOf(sync.getClass()).hasMessage(sync.getMessage());
    assertThat(StandardError.stackText(sync) + StandardError.stackText(async)).doesNotContain(SECRET);
    assertThat(printed).isEmpty();
    assertThat(wireMock.served()).isEmpty();
  }
}
