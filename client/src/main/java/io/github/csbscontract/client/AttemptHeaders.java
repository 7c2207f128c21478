package io.github.csbscontract.client;

import io.github.csbscontract.core.Contract;
import java.io.IOException;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Sets the token, the User-Agent and Accept on every attempt. Inside the retry loop, so that a
 * token supplier can refresh an expiring token between attempts.
 */
final class AttemptHeaders implements Interceptor {

  static final String TOKEN_HEADER = Contract.TOKEN_HEADER;

  private final TokenSource tokens;
  private final String userAgent;

  AttemptHeaders(TokenSource tokens, String userAgent) {
    this.tokens = tokens;
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder()
        .header(TOKEN_HEADER, tokens.token())
        .header("User-Agent", userAgent)
        .header("Accept", "application/json")
        .build());
  }

  /** Where tokens come from; never printed. */
  interface TokenSource {
    /** A token that can be sent as it is. */
    String token() throws TokenUnavailable;
  }

  /** A token the builder has checked already. */
  static TokenSource constant(String token) {
    return () -> token;
  }

  /** Asks the supplier on every attempt and checks what it gives, never repeating it. */
  static TokenSource supplied(Supplier<String> supplier) {
    return () -> {
      String token;
      try {
        token = supplier.get();
      } catch (RuntimeException e) {
        throw new TokenUnavailable("tokenSupplier failed: " + e.getClass().getName(), e);
      }
      if (token == null || token.isBlank()) {
        throw new TokenUnavailable("tokenSupplier returned no token (" + (token == null ? "null" : "a blank string") + ")", null);
      }
      String problem = HeaderValues.problem(token, true);
      if (problem != null) {
        throw new TokenUnavailable("tokenSupplier returned a token that " + problem, null);
      }
      return token;
    };
  }
}
