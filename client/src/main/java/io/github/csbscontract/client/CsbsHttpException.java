package io.github.csbscontract.client;

import java.util.Optional;

/**
 * The service answered with an error status. Code and message come from the service's error
 * body; when the body was not the service's (a proxy's HTML page, say), they are empty and
 * {@link #bodySnippet()} shows what came instead.
 */
public class CsbsHttpException extends CsbsException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorCode;
  private final String errorMsg;
  private final String requestId;
  private final String bodySnippet;

  CsbsHttpException(int status, String errorCode, String errorMsg, String requestId, String bodySnippet) {
    super(describe(status, errorCode, errorMsg, requestId, bodySnippet), null);
    this.status = status;
    this.errorCode = errorCode == null ? "" : errorCode;
    this.errorMsg = errorMsg == null ? "" : errorMsg;
    this.requestId = requestId;
    this.bodySnippet = bodySnippet == null ? "" : bodySnippet;
  }

  public int status() {
    return status;
  }

  /** For example {@code CSBS.9001} or {@code APIG.0301}; empty when the body had none. */
  public String errorCode() {
    return errorCode;
  }

  public String errorMsg() {
    return errorMsg;
  }

  /** Present on errors raised by the API gateway. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The start of the body as received. */
  public String bodySnippet() {
    return bodySnippet;
  }

  private static String describe(int status, String code, String msg, String requestId, String snippet) {
    StringBuilder text = new StringBuilder("HTTP ").append(status);
    if (code != null && !code.isEmpty()) {
      text.append(' ').append(code).append(": ").append(msg);
    } else {
      text.append(", body: ").append(snippet == null || snippet.isEmpty() ? "(empty)" : snippet);
    }
    if (requestId != null) {
      text.append(" (request_id ").append(requestId).append(')');
    }
    return text.toString();
  }
}
