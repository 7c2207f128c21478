package io.github.csbscontract.jaxrs;

/**
 * Codes and message templates of the API gateway in front of the service (APIG.*), for what it
 * refuses before the service reads a request; their answers carry a {@code request_id}. The
 * spec's error catalog ({@code errors.yaml}) lists each.
 */
public enum GatewayError {
  TOKEN_MISSING(401, "APIG.0301", "Incorrect IAM authentication information: x-auth-token not found"),
  TOKEN_INVALID(401, "APIG.0301", "Incorrect IAM authentication information: decrypt token fail"),
  /** Which of two tokens would count is a guess an attacker could exploit: neither does. */
  TOKEN_REPEATED(401, "APIG.0301", "Incorrect IAM authentication information: more than one x-auth-token"),
  /** A valid token on another project's path: the contract's choice (errors.yaml says why). */
  PROJECT_NOT_AUTHORIZED(403, "APIG.0302", "The IAM user is not authorized to access the API."),
  API_NOT_FOUND(404, "APIG.0101", "The API does not exist or has not been published in the environment."),
  /** Another method on the operation's path: the gateway identifies an API by method and path. */
  METHOD_NOT_FOUND(404, "APIG.0101", "The API does not exist."),
  ENTITY_TOO_LARGE(413, "APIG.0201", "Request entity too large."),
  HEADERS_TOO_LARGE(400, "APIG.0201", "API request error: request header fields too large."),
  /** The HTTP message itself refused (framing, version, timeouts); %s says what, the status varies. */
  REQUEST_ERROR(400, "APIG.0201", "API request error: %s"),
  THROTTLED(429, "APIG.0308", "The throttling threshold has been reached.");

  private final int status;
  private final String code;
  private final String template;

  GatewayError(int status, String code, String template) {
    this.status = status;
    this.code = code;
    this.template = template;
  }

  /** The HTTP status it is answered with. */
  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The message template, {@code %s} for each argument. */
  public String template() {
    return template;
  }

  /** The message with its arguments filled in. */
  public String message(Object... args) {
    return args.length == 0 ? template : String.format(template, args);
  }
}
