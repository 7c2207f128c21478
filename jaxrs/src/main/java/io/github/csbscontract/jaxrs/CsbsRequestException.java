package io.github.csbscontract.jaxrs;

/**
 * A request the service refuses as a whole: answered with {@link #status()} and the service's
 * error body ({@code error_code}, {@code error_msg}). Raised by {@link CapabilityResource} and
 * made by {@link Refusals}; an HTTP layer turns it into the answer.
 */
public final class CsbsRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorCode;
  private final String errorMsg;

  public CsbsRequestException(int status, RequestError error, Object... args) {
    super(error.code() + " " + error.message(args), null, false, false);
    this.status = status;
    this.errorCode = error.code();
    this.errorMsg = error.message(args);
  }

  public int status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }

  public String errorMsg() {
    return errorMsg;
  }
}
