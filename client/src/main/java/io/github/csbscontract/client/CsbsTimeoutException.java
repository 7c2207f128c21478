package io.github.csbscontract.client;

/** The connect, read or whole-call timeout ran out. */
public final class CsbsTimeoutException extends CsbsTransportException {

  private static final long serialVersionUID = 1L;

  CsbsTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
