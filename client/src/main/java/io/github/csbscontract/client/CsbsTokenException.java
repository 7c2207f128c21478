package io.github.csbscontract.client;

/**
 * The token supplier failed, returned no token, or returned one that an HTTP header cannot carry
 * (a line end, say); the request was not sent. The message says which, never the token; a
 * failure of the supplier itself is the cause.
 */
public final class CsbsTokenException extends CsbsException {

  private static final long serialVersionUID = 1L;

  CsbsTokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
