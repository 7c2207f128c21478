package io.github.csbscontract.client;

/**
 * The client was closed: the call was cut off by {@link CsbsClient#close()}, or started after it.
 * Not a network failure; retrying on the same client cannot succeed.
 */
public final class CsbsClientClosedException extends CsbsException {

  private static final long serialVersionUID = 1L;

  CsbsClientClosedException(String message, Throwable cause) {
    super(message, cause);
  }
}
