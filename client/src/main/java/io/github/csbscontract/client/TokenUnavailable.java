package io.github.csbscontract.client;

import java.io.IOException;

/**
 * Raised inside the OkHttp chain when no token can be sent; the facade turns it into
 * {@link CsbsTokenException}. An IOException so that OkHttp hands it to the call's failure path
 * on both the synchronous and the asynchronous side (any other exception escapes OkHttp's
 * dispatcher threads and is printed to stderr).
 */
final class TokenUnavailable extends IOException {

  private static final long serialVersionUID = 1L;

  TokenUnavailable(String problem, Throwable cause) {
    super(problem, cause);
  }
}
