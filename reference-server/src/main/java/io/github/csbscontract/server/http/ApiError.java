package io.github.csbscontract.server.http;

import io.github.csbscontract.rules.CsbsError;
import io.github.csbscontract.rules.CsbsRequestException;

/** A request-level error: answered with its status and an {@code ErrorResponse} body. */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int status;
  final String errorCode;
  final String errorMsg;
  /** Gateway errors carry a request ID; the service's own do not. */
  final boolean fromGateway;

  private ApiError(int status, String errorCode, String errorMsg, boolean fromGateway) {
    super(errorCode + " " + errorMsg, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
    this.errorMsg = CsbsError.cap(errorMsg);
    this.fromGateway = fromGateway;
  }

  static ApiError service(int status, CsbsError error, Object... args) {
    return new ApiError(status, error.code(), error.message(args), false);
  }

  static ApiError of(CsbsRequestException refused) {
    return new ApiError(refused.status(), refused.errorCode(), refused.errorMsg(), false);
  }

  static ApiError badRequest(String message) {
    return service(400, CsbsError.PARAMETER_INVALID, message);
  }

  static ApiError unsupportedMediaType() {
    return service(415, CsbsError.UNSUPPORTED_MEDIA_TYPE);
  }

  static ApiError gateway(int status, GatewayError error) {
    return new ApiError(status, error.code, error.message, true);
  }

  /** Codes of the API gateway in front of the service (the spec's errors.yaml lists each). */
  enum GatewayError {
    TOKEN_MISSING("APIG.0301", "Incorrect IAM authentication information: x-auth-token not found"),
    TOKEN_INVALID("APIG.0301", "Incorrect IAM authentication information: decrypt token fail"),
    /** A valid token on another project's path: the contract's choice, see errors.yaml. */
    PROJECT_NOT_AUTHORIZED("APIG.0302", "The IAM user is not authorized to access the API."),
    API_NOT_FOUND("APIG.0101", "The API does not exist or has not been published in the environment."),
    METHOD_NOT_FOUND("APIG.0101", "The API does not exist."),
    ENTITY_TOO_LARGE("APIG.0201", "Request entity too large."),
    HEADERS_TOO_LARGE("APIG.0201", "API request error: request header fields too large.");

    final String code;
    final String message;

    GatewayError(String code, String message) {
      this.code = code;
      this.message = message;
    }
  }
}
