package io.github.csbscontract.jaxrs;

/**
 * A request the API gateway refuses before the service sees it: answered by
 * {@link ServiceAnswers} with the error's status, code and message, and a {@code request_id}.
 */
public final class GatewayRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient GatewayError error;

  public GatewayRefusal(GatewayError error) {
    super(error.code() + " " + error.message(), null, false, false);
    this.error = error;
  }

  public GatewayError error() {
    return error;
  }
}
