package io.github.csbscontract.service;

import io.github.csbscontract.core.ErrorCode;

/**
 * A request the API gateway refuses before the service sees it: answered by the HTTP layer (the
 * JAX-RS adapter, the reference server) with the error's status, code and message, and a
 * {@code request_id}. Only the gateway's codes ({@link ErrorCode.Where#GATEWAY}).
 */
public final class GatewayRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ErrorCode error;

  public GatewayRefusal(ErrorCode error) {
    super(error.code() + " " + error.message(), null, false, false);
    if (error.where() != ErrorCode.Where.GATEWAY) {
      throw new IllegalArgumentException(error + " is not the gateway's");
    }
    this.error = error;
  }

  public ErrorCode error() {
    return error;
  }
}
