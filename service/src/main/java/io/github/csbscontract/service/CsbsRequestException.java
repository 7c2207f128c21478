package io.github.csbscontract.service;

import io.github.csbscontract.core.ErrorCode;

/**
 * A request the service refuses as a whole: answered with {@link #status()} and the service's
 * error body ({@code error_code}, {@code error_msg}). Raised by {@link CapabilityResource} and
 * made by {@link Refusals}; an HTTP layer turns it into the answer. Only the service's codes for a
 * whole request ({@link ErrorCode.Where#REQUEST}).
 */
public final class CsbsRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorCode;
  private final String errorMsg;

  public CsbsRequestException(int status, ErrorCode error, Object... args) {
    super(error.code() + " " + error.message(args), null, false, false);
    if (error.where() != ErrorCode.Where.REQUEST) {
      throw new IllegalArgumentException(error + " is not a code for a whole request");
    }
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
