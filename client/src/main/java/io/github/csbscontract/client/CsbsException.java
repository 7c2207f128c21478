package io.github.csbscontract.client;

/**
 * Base of every failure the client reports. Unchecked: catch the subtype you can act on. The
 * message names the operation and the project, never the token.
 *
 * <ul>
 *   <li>{@link CsbsValidationException}: the request breaks the spec; nothing was sent.
 *   <li>{@link CsbsTokenException}: the token supplier gave no token that can be sent; nothing was sent.
 *   <li>{@link CsbsHttpException} and its subtypes: the service answered with an error status.
 *   <li>{@link CsbsTransportException} ({@link CsbsTimeoutException}): no answer was received.
 *   <li>{@link CsbsUnreadableResponseException}: an answer that is not the spec's.
 *   <li>{@link CsbsClientClosedException}: the client was closed before or during the call.
 * </ul>
 */
public abstract class CsbsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CsbsException(String message, Throwable cause) {
    super(message, cause);
  }
}
