package io.github.csbscontract.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service answered with an error status. Code and message come from the service's error
 * body; when the body was not the service's (a proxy's HTML page, say), they are empty and
 * {@link #bodySnippet()} shows what came instead. Subtypes name the statuses a caller handles
 * differently; this class itself stands for any other status (415, for example), redirects
 * included: the API has none, so a 3xx is never followed (the token would go with it), and the
 * message names its {@code Location}.
 */
public class CsbsHttpException extends CsbsException {

  private static final long serialVersionUID = 1L;

  /** The HTTP status. */
  private final int status;
  /** The body's {@code error_code}, or empty. */
  private final String errorCode;
  /** The body's {@code error_msg}, or empty. */
  private final String errorMsg;
  /** The body's {@code request_id}, or null. */
  private final String requestId;
  /** The start of the body. */
  private final String bodySnippet;
  /** The answer's headers, read-only, names in any case. */
  private final Map<String, List<String>> headers;

  CsbsHttpException(HttpFailure failure) {
    super(describe(failure), null);
    this.status = failure.status();
    this.errorCode = failure.errorCode() == null ? "" : failure.errorCode();
    this.errorMsg = failure.errorMsg() == null ? "" : failure.errorMsg();
    this.requestId = failure.requestId();
    this.bodySnippet = failure.bodySnippet() == null ? "" : failure.bodySnippet();
    this.headers = failure.headers();
  }

  /**
   * The HTTP status.
   *
   * @return the status of the last answer, for example {@code 404}
   */
  public int status() {
    return status;
  }

  /**
   * The service's error code.
   *
   * @return for example {@code CSBS.9001} or {@code APIG.0301}; empty when the body had none
   */
  public String errorCode() {
    return errorCode;
  }

  /**
   * The service's error message.
   *
   * @return the {@code error_msg} of the body; empty when the body had none
   */
  public String errorMsg() {
    return errorMsg;
  }

  /**
   * The request ID the API gateway gives its own errors.
   *
   * @return the body's {@code request_id}; empty when it had none
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * The start of the body as received, whitespace collapsed.
   *
   * @return at most about 200 characters; empty for an empty body
   */
  public String bodySnippet() {
    return bodySnippet;
  }

  /**
   * The answer's headers.
   *
   * @return a read-only map from header name to its values in the order received; names are
   *     looked up regardless of case ({@code headers().get("retry-after")} finds
   *     {@code Retry-After})
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Whether the status is one the {@link RetryPolicy} retries: 429, 502, 503 or 504.
   *
   * @return true for those statuses
   */
  @Override
  public boolean isRetryable() {
    return Retries.RETRIED_STATUSES.contains(status);
  }

  private static String describe(HttpFailure failure) {
    StringBuilder text = new StringBuilder(failure.context()).append(": HTTP ").append(failure.status());
    String code = failure.errorCode();
    String snippet = failure.bodySnippet();
    if (code != null && !code.isEmpty()) {
      text.append(' ').append(code).append(": ").append(failure.errorMsg());
    } else {
      text.append(", body: ").append(snippet == null || snippet.isEmpty() ? "(empty)" : snippet);
    }
    if (failure.status() >= 300 && failure.status() < 400) {
      List<String> location = failure.headers().get("Location");
      text.append(", a redirect to ").append(location == null ? "(no Location)" : location.get(0))
          .append(" not followed (the API has no redirects, and the token goes to no other address)");
    }
    if (failure.requestId() != null) {
      text.append(" (request_id ").append(failure.requestId()).append(')');
    }
    if (failure.attempts() > 1) {
      text.append(", after ").append(failure.attempts()).append(" attempts");
    }
    return text.toString();
  }
}
