package io.github.csbscontract.client;

/**
 * An answer the client would not read: a 200 whose body is not the spec's (not JSON, the wrong
 * content type, empty, larger than 4 MiB, a result that is null or lacks its boolean
 * {@code result}, or a different number of results than items sent), a success status the spec
 * does not have, or an error answer whose body is larger than 64 KiB. Bodies are read only up to
 * those bounds, never buffered whole, whatever the server announces or sends.
 */
public final class CsbsUnreadableResponseException extends CsbsException {

  private static final long serialVersionUID = 1L;

  /** The HTTP status. */
  private final int status;
  /** The start of the body. */
  private final String bodySnippet;

  CsbsUnreadableResponseException(String context, int status, String problem, String bodySnippet, Throwable cause) {
    super(context + ": HTTP " + status + " with an unreadable body (" + problem + "): "
        + (bodySnippet.isEmpty() ? "(empty)" : bodySnippet), cause);
    this.status = status;
    this.bodySnippet = bodySnippet;
  }

  /**
   * The HTTP status.
   *
   * @return the status of the answer
   */
  public int status() {
    return status;
  }

  /**
   * The start of the body as received, whitespace collapsed.
   *
   * @return at most about 200 characters; empty for an empty body
   */
  public String bodySnippet() {
    return bodySnippet;
  }
}
