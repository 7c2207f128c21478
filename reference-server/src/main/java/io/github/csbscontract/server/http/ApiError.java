package io.github.csbscontract.server.http;

import io.github.csbscontract.core.ErrorMessages;
import io.github.csbscontract.jaxrs.CsbsRequestException;
import io.github.csbscontract.jaxrs.RequestError;
import java.time.Duration;

/**
 * A refused request: answered with its status and the service's error body
 * ({@code error_code}, {@code error_msg}, and {@code request_id} for the gateway's own codes).
 * The spec's error catalog ({@code errors.yaml}) lists every code and template used here;
 * {@code ErrorCatalogServerTest} holds the two together.
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
  final long retryAfterSeconds;

  private ApiError(int status, String errorCode, String errorMsg, boolean fromGateway, boolean closesConnection,
      long retryAfterSeconds) {
    super(errorCode + " " + errorMsg, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
    this.errorMsg = ErrorMessages.clean(errorMsg);
    this.fromGateway = fromGateway;
    this.closesConnection = closesConnection;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static ApiError service(int status, RequestError error, Object... args) {
    return new ApiError(status, error.code(), error.message(args), false, false, -1);
  }

  static ApiError of(CsbsRequestException refused) {
    return new ApiError(refused.status(), refused.errorCode(), refused.errorMsg(), false, false, -1);
  }

  static ApiError badRequest(String message) {
    return service(400, RequestError.PARAMETER_INVALID, message);
  }

  static ApiError unsupportedMediaType() {
    return service(415, RequestError.UNSUPPORTED_MEDIA_TYPE);
  }

  static ApiError gateway(int status, GatewayError error, Object... args) {
    return new ApiError(status, error.code, error.message(args), true, false, -1);
  }

  /** A refusal of the HTTP message itself, before the service could read it; the connection closes. */
  static ApiError protocol(int status, String problem) {
    return gateway(status, GatewayError.REQUEST_ERROR, problem).closing();
  }

  /** The same answer with a {@code Retry-After} header (none for null). */
  ApiError retryAfter(Duration after) {
    return new ApiError(status, errorCode, errorMsg, fromGateway, closesConnection, after == null ? -1 : after.toSeconds());
  }

  /** The same answer, after which the connection is closed. */
  ApiError closing() {
    return closesConnection ? this : new ApiError(status, errorCode, errorMsg, fromGateway, true, retryAfterSeconds);
  }

  /** Codes of the API gateway in front of the service, with their message templates. */
  enum GatewayError {
    TOKEN_MISSING("APIG.0301", "Incorrect IAM authentication information: x-auth-token not found"),
    TOKEN_INVALID("APIG.0301", "Incorrect IAM authentication information: decrypt token fail"),
    /** Which of two tokens would count is a guess an attacker could exploit: neither does. */
    TOKEN_REPEATED("APIG.0301", "Incorrect IAM authentication information: more than one x-auth-token"),
    /** A valid token on another project's path: the contract's choice, see errors.yaml. */
    PROJECT_NOT_AUTHORIZED("APIG.0302", "The IAM user is not authorized to access the API."),
    API_NOT_FOUND("APIG.0101", "The API does not exist or has not been published in the environment."),
    METHOD_NOT_FOUND("APIG.0101", "The API does not exist."),
    ENTITY_TOO_LARGE("APIG.0201", "Request entity too large."),
    HEADERS_TOO_LARGE("APIG.0201", "API request error: request header fields too large."),
    /** The HTTP message itself refused (framing, version, timeouts); %s says what is wrong. */
    REQUEST_ERROR("APIG.0201", "API request error: %s"),
    THROTTLED("APIG.0308", "The throttling threshold has been reached.");

    final String code;
    final String template;

    GatewayError(String code, String template) {
      this.code = code;
      this.template = template;
    }

    String message(Object... args) {
      return args.length == 0 ? template : String.format(template, args);
    }
  }
}
