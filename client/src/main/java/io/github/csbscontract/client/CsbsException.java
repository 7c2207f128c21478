package io.github.csbscontract.client;

/**
 * Base of every failure the client reports. Unchecked: catch the subtype you can act on. The
 * message names the operation and the project, never the token; text from the server in it (error
 * codes and messages, body snippets, headers) has its control, bidi and line-separator characters
 * escaped ({@code \n}, {@code \u001B}, {@code \u202E}), while the accessors return it as received.
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
    super(Printable.escape(message), cause);
  }

  /**
   * Whether the same call may succeed if made again later: true for the statuses the
   * {@link RetryPolicy} retries (429, 502, 503, 504) and for every {@link CsbsTransportException}
   * (a connection that failed or broke, a timeout); false for everything else (a request, token
   * or redirect the client or service refused, an unreadable answer, a closed client), where
   * the same call would fail the same way.
   *
   * @return false unless a subtype says otherwise
   */
  public boolean isRetryable() {
    return false;
  }
}
