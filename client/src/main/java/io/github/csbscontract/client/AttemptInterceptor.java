package io.github.csbscontract.client;

import io.github.csbscontract.core.Contract;
import java.io.IOException;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sets the token and User-Agent on every attempt (so a token supplier can refresh an expiring
 * token between retries), refuses success statuses the spec does not have, and buffers the
 * (bounded) success body.
 */
final class AttemptInterceptor implements Interceptor {

  static final String TOKEN_HEADER = Contract.TOKEN_HEADER;

  private final TokenSource tokens;
  private final String userAgent;

  AttemptInterceptor(TokenSource tokens, String userAgent) {
    this.tokens = tokens;
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request().newBuilder()
        .header(TOKEN_HEADER, tokens.token())
        .header("User-Agent", userAgent)
        .header("Accept", "application/json")
        .build());
    if (response.isSuccessful() && response.code() != 200) {
      byte[] head = response.peekBody(BoundedJsonConverterFactory.SNIPPET_CHARS).bytes();
      response.close();
      throw new UnreadableBody(response.code(), "status " + response.code() + " is not in the spec",
          BoundedJsonConverterFactory.snippet(head), null);
    }
    if (response.code() == 200) {
      // Read the (bounded) body here, inside the retry loop: a connection that breaks mid-body
      // is then retried like one that breaks before the status line.
      MediaType type = response.body().contentType();
      byte[] body = BoundedJsonConverterFactory.read(response.body(), BoundedJsonConverterFactory.MAX_SUCCESS_BYTES, 200);
      CallState state = chain.request().tag(CallState.class);
      if (state != null) {
        state.successBody(body);
      }
      return response.newBuilder().body(ResponseBody.create(body, type)).build();
    }
    return response;
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
