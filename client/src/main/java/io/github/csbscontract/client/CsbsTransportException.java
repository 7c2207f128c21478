package io.github.csbscontract.client;

/**
 * No answer was received: connection refused or reset, or the exchange broke off, on every
 * attempt the {@link RetryPolicy} allowed.
 */
public class CsbsTransportException extends CsbsException {

  private static final long serialVersionUID = 1L;

  CsbsTransportException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A failed or broken connection, or a timeout: the same call may well succeed later.
   *
   * @return true
   */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
