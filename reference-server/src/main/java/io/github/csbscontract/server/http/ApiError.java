package io.github.csbscontract.server.http;

import io.github.csbscontract.core.ErrorMessages;
import io.github.csbscontract.jaxrs.RequestError;
import io.github.csbscontract.jaxrs.CsbsRequestException;

/**
 * A refused request: answered with its status and the service's error body
 * ({@code error_code}, {@code error_msg}, and {@code request_id} for the gateway's own codes).
 */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int status;
  final String errorCode;
  final String errorMsg;
  /** Gateway errors carry a request ID; the service's own do not. */
  final boolean fromGateway;
  /** The connection cannot serve another request after this answer. */
  final boolean closesConnection;
  /** Seconds for a {@code Retry-After} header; negative for none. */
  long retryAfterSeconds = -1;

  private ApiError(int status, String errorCode, String errorMsg, boolean fromGateway, boolean closesConnection) {
    super(errorCode + " " + errorMsg, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
    this.errorMsg = ErrorMessages.clean(errorMsg);
    this.fromGateway = fromGateway;
    this.closesConnection = closesConnection;
  }

  static ApiError service(int status, RequestError error, Object... args) {
    return new ApiError(status, error.code(), error.message(args), false, false);
  }

  static ApiError of(CsbsRequestException refused) {
    return new ApiError(refused.status(), refused.errorCode(), refused.errorMsg(), false, false);
  }

  static ApiError badRequest(String message) {
    return service(400, RequestError.PARAMETER_INVALID, message);
  }

  static ApiError unsupportedMediaType() {
    return service(415, RequestError.PARAMETER_INVALID, "Content-Type must be application/json");
  }

  static ApiError gateway(int status, GatewayError error) {
    return new ApiError(status, error.code, error.message, true, false);
  }

  /** A refusal of the HTTP message itself, before the service could read it. */
  static ApiError protocol(int status, String problem) {
    return new ApiError(status, GatewayError.REQUEST_ERROR.code, GatewayError.REQUEST_ERROR.message + " " + problem,
        true, true);
  }

  /** The same answer with a {@code Retry-After} header. */
  ApiError retryAfter(java.time.Duration after) {
    ApiError error = new ApiError(status, errorCode, errorMsg, fromGateway, closesConnection);
    error.retryAfterSeconds = after == null ? -1 : after.toSeconds();
    return error;
  }

  /** The same answer, after which the connection is closed. */
  ApiError closing() {
    return closesConnection ? this : new ApiError(status, errorCode, errorMsg, fromGateway, true);
  }

  /** Codes of the API gateway in front of the service. */
  enum GatewayError {
    TOKEN_MISSING("APIG.0301", "Incorrect IAM authentication information: x-auth-token not found"),
    TOKEN_INVALID("APIG.0301", "Incorrect IAM authentication information: decrypt token fail"),
    TOKEN_REPEATED("APIG.0301", "Incorrect IAM authentication information: more than one x-auth-token"),
    API_NOT_FOUND("APIG.0101", "The API does not exist or has not been published in the environment."),
    METHOD_NOT_FOUND("APIG.0101", "The API does not exist."),
    ENTITY_TOO_LARGE("APIG.0201", "Request entity too large."),
    HEADERS_TOO_LARGE("APIG.0201", "API request error: request header fields too large."),
    REQUEST_ERROR("APIG.0201", "API request error:"),
    OVERLOADED("APIG.0201", "API request error: the server holds too many request bodies; retry later."),
    THROTTLED("APIG.0308", "The throttling threshold has been reached."),
    UNAVAILABLE("APIG.0201", "API request error: the service is unavailable; retry later.");

    final String code;
    final String message;

    GatewayError(String code, String message) {
      this.code = code;
      this.message = message;
    }
  }
}
