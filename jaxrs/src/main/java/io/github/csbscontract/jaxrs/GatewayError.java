package io.github.csbscontract.jaxrs;

/**
 * Codes and messages of the API gateway in front of the service (APIG.*), for what it refuses
 * before the service reads a request. Their answers carry a {@code request_id}.
 */
public enum GatewayError {
  TOKEN_MISSING(401, "APIG.0301", "Incorrect IAM authentication information: x-auth-token not found"),
  TOKEN_INVALID(401, "APIG.0301", "Incorrect IAM authentication information: decrypt token fail"),
  TOKEN_REPEATED(401, "APIG.0301", "Incorrect IAM authentication information: more than one x-auth-token"),
  API_NOT_FOUND(404, "APIG.0101", "The API does not exist or has not been published in the environment."),
  METHOD_NOT_FOUND(405, "APIG.0101", "The API does not exist."),
  ENTITY_TOO_LARGE(413, "APIG.0201", "Request entity too large.");

  private final int status;
  private final String code;
  private final String message;

  GatewayError(int status, String code, String message) {
    this.status = status;
    this.code = code;
    this.message = message;
  }

  /** The HTTP status it is answered with. */
  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String message() {
    return message;
  }
}
