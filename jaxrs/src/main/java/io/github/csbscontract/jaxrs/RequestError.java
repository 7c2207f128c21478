package io.github.csbscontract.jaxrs;

import io.github.csbscontract.core.ErrorMessages;

/** The service's codes for a request refused as a whole, with its message templates. */
public enum RequestError {
  PARAMETER_INVALID("CSBS.9001", "%s"),
  PROVIDER_INVALID("CSBS.9001", "provider invalid"),
  USER_UNVERIFIED("CSBS.9009", "User is unverified."),
  INTERNAL("CSBS.9999", "%s failed");

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
    return ErrorMessages.clean(String.format(template, args));
  }
}
