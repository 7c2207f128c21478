package io.github.csbscontract.client;

import io.github.csbscontract.core.Contract;
import java.io.IOException;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The token, the User-Agent and Accept. The headers that are the same on every attempt go on
 * each request once, where it is made ({@link #addFixed}); a token from a supplier is asked for
 * again on every attempt by this interceptor, inside the retry loop, so that a supplier can
 * refresh an expiring token between attempts.
 */
final class AttemptHeaders implements Interceptor {

  static final String TOKEN_HEADER = Contract.TOKEN_HEADER;

  private final TokenSource tokens;
  private final String userAgent;

  AttemptHeaders(TokenSource tokens, String userAgent) {
    this.tokens = tokens;
    this.userAgent = userAgent;
  }

  /** Adds the headers every attempt carries (a fixed token among them) to a new request. */
  Request.Builder addFixed(Request.Builder request) {
    request.header("User-Agent", userAgent).header("Accept", "application/json");
    return tokens instanceof Fixed fixed ? request.header(TOKEN_HEADER, fixed.token()) : request;
  }

  /** Whether the token is asked for on every attempt, by this interceptor. */
  boolean perAttempt() {
    return !(tokens instanceof Fixed);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header(TOKEN_HEADER, tokens.token()).build());
  }

  /** Where tokens come from; never printed. */
  interface TokenSource {
    /** A token that can be sent as it is. */
    String token() throws TokenUnavailable;
  }

  /** A token the builder has checked already, the same on every attempt. */
  private record Fixed(String token) implements TokenSource {
    @Override
    public String toString() {
      return "Fixed[token=(not shown)]";
    }
  }

  static TokenSource constant(String token) {
    return new Fixed(token);
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
