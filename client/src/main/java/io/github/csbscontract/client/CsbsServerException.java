package io.github.csbscontract.client;

/** The service failed (5xx). 502, 503 and 504 were retried as the retry policy allows. */
public final class CsbsServerException extends CsbsHttpException {

  private static final long serialVersionUID = 1L;

  CsbsServerException(HttpFailure failure) {
    super(failure);
  }
}
