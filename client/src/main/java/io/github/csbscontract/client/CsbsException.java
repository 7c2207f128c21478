package io.github.csbscontract.client;

/**
 * Base of every failure the client reports. Unchecked: catch the subtype you can act on.
 *
 * <ul>
 *   <li>{@link CsbsValidationException}: the request breaks the spec; nothing was sent.
 *   <li>{@link CsbsHttpException} and its subtypes: the service answered with an error status.
 *   <li>{@link CsbsTransportException} ({@link CsbsTimeoutException}): no answer was received.
 *   <li>{@link CsbsUnreadableResponseException}: an answer that is not the spec's.
 * </ul>
 */
public abstract class CsbsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CsbsException(String message, Throwable cause) {
    super(message, cause);
  }
}
