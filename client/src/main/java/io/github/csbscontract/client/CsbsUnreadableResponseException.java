package io.github.csbscontract.client;

/** A success status with a body that is not the spec's: not JSON, wrong content type, empty or too large. */
public final class CsbsUnreadableResponseException extends CsbsException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String bodySnippet;

  CsbsUnreadableResponseException(int status, String problem, String bodySnippet, Throwable cause) {
    super("HTTP " + status + " with an unreadable body (" + problem + "): "
        + (bodySnippet.isEmpty() ? "(empty)" : bodySnippet), cause);
    this.status = status;
    this.bodySnippet = bodySnippet;
  }

  public int status() {
    return status;
  }

  public String bodySnippet() {
    return bodySnippet;
  }
}
