package io.github.csbscontract.client;

import io.github.csbscontract.core.Contract;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.function.Supplier;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sets the token and User-Agent on every attempt (so a token supplier can refresh an expiring
 * token between retries), refuses success statuses the spec does not have, and buffers every
 * body within its bound (4 MiB for a 200, 64 KiB for anything else), refusing a 200 with more
 * results than items sent before any object is built.
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
    CallState state = chain.request().tag(CallState.class);
    // Every body is read here, bounded, inside the retry loop: a connection that breaks mid-body
    // is then retried like one that breaks before the status line, and what Retrofit buffers
    // afterwards (it reads error bodies whole) is at most the bound.
    MediaType type = response.body().contentType();
    if (response.code() == 200) {
      byte[] body = BoundedJsonConverterFactory.read(response.body(), BoundedJsonConverterFactory.MAX_SUCCESS_BYTES, 200);
      if (state != null) {
        state.successBody(body);
        BoundedJsonConverterFactory.checkResultCount(body, state.expectedResults());
      }
      return response.newBuilder().body(ResponseBody.create(body, type)).build();
    }
    byte[] body = BoundedJsonConverterFactory.read(response.body(), BoundedJsonConverterFactory.MAX_ERROR_BYTES, response.code());
    return response.newBuilder().body(ResponseBody.create(body, type)).build();
  }

  /**
   * The network interceptor: OkHttp reads past a 100 and a 102 to 199 itself, but hands a
   * {@code 101 Switching Protocols} up as the answer and pools its connection, whose next bytes
   * are then the server's (an answer smuggled behind the 101 would become the next call's). The
   * API switches to no protocol, so a 1xx here is a broken exchange: its socket is closed, which
   * keeps the pool from handing the connection out again.
   */
  static Response refuseInformational(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.code() >= 100 && response.code() < 200) {
      Connection connection = chain.connection();
      if (connection != null) {
        connection.socket().close();
      }
      throw new ProtocolException("HTTP " + response.code() + " where an answer belongs: the exchange is broken,"
          + " its connection closed");
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
