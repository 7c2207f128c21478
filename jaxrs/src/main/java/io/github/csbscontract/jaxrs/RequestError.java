package io.github.csbscontract.jaxrs;

import io.github.csbscontract.core.ErrorMessages;

/** The service's codes for a request refused as a whole, with its message templates. */
public enum RequestError {
  PARAMETER_INVALID("CSBS.9001", "%s"),
  PROVIDER_INVALID("CSBS.9001", "provider invalid"),
  UNSUPPORTED_MEDIA_TYPE("CSBS.9001", "Content-Type must be application/json"),
  USER_UNVERIFIED("CSBS.9009", "User is unverified."),
  INTERNAL("CSBS.9999", "%s failed"),
  /** The contract's own code for 503 (errors.yaml says why). */
  SERVICE_UNAVAILABLE("CSBS.0503", "Service unavailable.");

  private final String code;
  private final String template;

  RequestError(String code, String template) {
    this.code = code;
    this.template = template;
  }

  public String code() {
    return code;
  }

  /** The message template, {@code %s} for each argument. */
  public String template() {
    return template;
  }

  /** The message with its arguments filled in, made safe for {@code error_msg}. */
  public String message(Object... args) {
    return ErrorMessages.clean(args.length == 0 ? template : String.format(template, args));
  }
}
