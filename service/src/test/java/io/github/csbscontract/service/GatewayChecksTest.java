package io.github.csbscontract.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.service.TokenLookup.TokenScope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gateway's checks in their order, as both the JAX-RS filter and the reference server run them. */
class GatewayChecksTest {

  private static final String A = "0605767ab000d4c12f3bc0033d9d5d06";
  private static final Map<String, TokenScope> TOKENS = Map.of(
      "token-a", new TokenScope(A, true),
      "token-b", new TokenScope("5b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e", true),
      "token-unverified", new TokenScope(A, false));
  private final GatewayChecks checks = new GatewayChecks(token -> Optional.ofNullable(TOKENS.get(token)), 1024);

  @Test
  void aValidRequestPasses() {
    assertThatCode(() -> checks.admit(List.of("token-a"), A, "application/json", 10)).doesNotThrowAnyException();
    assertThatCode(() -> checks.admit(List.of("token-a"), A, "application/json", -1)).as("chunked").doesNotThrowAnyException();
  }

  @Test
  void tokensAreCheckedFirst() {
    assertRefused(List.of(), A, "text/plain", ErrorCode.TOKEN_MISSING);
    assertRefused(List.of(" "), A, "text/plain", ErrorCode.TOKEN_MISSING);
    assertRefused(List.of("nope"), A, "text/plain", ErrorCode.TOKEN_INVALID);
    assertRefused(List.of("token-a", "token-a"), A, "text/plain", ErrorCode.TOKEN_REPEATED);
    assertRefused(List.of("token-b"), A, "text/plain", ErrorCode.PROJECT_NOT_AUTHORIZED);
    assertRefused(List.of("token-a"), "ffffffffffffffffffffffffffffffff", "text/plain", ErrorCode.PROJECT_NOT_AUTHORIZED);
  }

  @Test
  void anUnverifiedUserIsTheServicesRefusal() {
    assertThatThrownBy(() -> checks.admit(List.of("token-unverified"), A, "text/plain", 10))
        .isInstanceOfSatisfying(CsbsRequestException.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(403);
          org.assertj.core.api.Assertions.assertThat(e.errorCode()).isEqualTo("CSBS.9009");
        });
  }

  @Test
  void thenTheMediaTypeThenTheDeclaredSize() {
    assertThatThrownBy(() -> checks.admit(List.of("token-a"), A, "text/plain", 5000))
        .isInstanceOfSatisfying(CsbsRequestException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(415));
    assertRefused(List.of("token-a"), A, "application/json", ErrorCode.ENTITY_TOO_LARGE, 5000);
  }

  private void assertRefused(List<String> tokens, String project, String type, ErrorCode expected) {
    assertRefused(tokens, project, type, expected, 10);
  }

  private void assertRefused(List<String> tokens, String project, String type, ErrorCode expected, long length) {
    assertThatThrownBy(() -> checks.admit(tokens, project, type, length))
        .isInstanceOfSatisfying(GatewayRefusal.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.error()).isEqualTo(expected));
  }
}
