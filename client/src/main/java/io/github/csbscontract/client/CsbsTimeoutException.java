package io.github.csbscontract.client;

/**
 * A timeout ran out: the connect or read timeout of the last attempt, or the call timeout of the
 * whole call. The message names which, with its value and the attempts made.
 */
public final class CsbsTimeoutException extends CsbsTransportException {

  private static final long serialVersionUID = 1L;

  CsbsTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
