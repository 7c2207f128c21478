package io.github.csbscontract.server.wire;

import io.github.csbscontract.core.ErrorMessages;
import io.github.csbscontract.service.CsbsRequestException;
import io.github.csbscontract.core.ErrorCode;
import java.time.Duration;

/**
 * A refused request: answered with its status and the service's error body
 * ({@code error_code}, {@code error_msg}, and {@code request_id} for the gateway's own codes).
 * The spec's error catalog ({@code errors.yaml}) lists every code and template used here;
 * {@code ErrorCodeTest} (core) holds the two together.
 */
public final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int status;
  final String errorCode;
  final String errorMsg;
  /** Gateway errors carry a request ID; the service's own do not. */
  final boolean fromGateway;
  /** The connection cannot serve another request after this answer. */
  final boolean closesConnection;
  /** A {@code Retry-After} header's value; null for none. */
  final String retryAfter;

  /** The answer's status. */
  public int status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }

  public String errorMsg() {
    return errorMsg;
  }

  /** The {@code Retry-After} value, or null. */
  public String retryAfterValue() {
    return retryAfter;
  }

  private ApiError(int status, String errorCode, String errorMsg, boolean fromGateway, boolean closesConnection,
      String retryAfter) {
    super(errorCode + " " + errorMsg, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
    this.errorMsg = ErrorMessages.clean(errorMsg);
    this.fromGateway = fromGateway;
    this.closesConnection = closesConnection;
    this.retryAfter = retryAfter;
  }

  public static ApiError service(int status, ErrorCode error, Object... args) {
    return new ApiError(status, error.code(), error.message(args), false, false, null);
  }

  public static ApiError of(CsbsRequestException refused) {
    return new ApiError(refused.status(), refused.errorCode(), refused.errorMsg(), false, false, null);
  }

  public static ApiError badRequest(String message) {
    return service(400, ErrorCode.PARAMETER_INVALID, message);
  }

  public static ApiError unsupportedMediaType() {
    return service(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
  }

  public static ApiError gateway(ErrorCode error) {
    return gateway(error.status(), error);
  }

  /** The gateway's error with another status than its usual one (the protocol refusals' vary). */
  public static ApiError gateway(int status, ErrorCode error, Object... args) {
    return new ApiError(status, error.code(), error.message(args), true, false, null);
  }

  /** A refusal of the HTTP message itself, before the service could read it; the connection closes. */
  public static ApiError protocol(int status, String problem) {
    return gateway(status, ErrorCode.REQUEST_ERROR, problem).closing();
  }

  /** The same answer with a {@code Retry-After} header (none for null). */
  public ApiError retryAfter(Duration after) {
    return retryAfter(after == null ? null : Long.toString(after.toSeconds()));
  }

  /** The same answer with this {@code Retry-After} value (none for null). */
  public ApiError retryAfter(String value) {
    return new ApiError(status, errorCode, errorMsg, fromGateway, closesConnection, value);
  }

  /**
   * An answer a test asked for ({@code Fault.error}): any status and code; an {@code APIG} code
   * is the gateway's, with a request ID, as the gateway's own answers have.
   */
  public static ApiError asked(int status, String errorCode, String errorMsg) {
    return new ApiError(status, errorCode, errorMsg, errorCode.startsWith("APIG."), false, null);
  }

  /** The same answer, after which the connection is closed. */
  public ApiError closing() {
    return closesConnection ? this : new ApiError(status, errorCode, errorMsg, fromGateway, true, retryAfter);
  }
}
