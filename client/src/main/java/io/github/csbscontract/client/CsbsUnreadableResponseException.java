package io.github.csbscontract.client;

/**
 * A success status with a body that is not the spec's: not JSON, the wrong content type, empty,
 * too large, or with a different number of results than items sent.
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
   * @return the status of the answer, a success status
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
