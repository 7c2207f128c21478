package io.github.csbscontract.client;

/** The request body is larger than the service accepts (413). */
public final class CsbsPayloadTooLargeException extends CsbsHttpException {

  private static final long serialVersionUID = 1L;

  CsbsPayloadTooLargeException(HttpFailure failure) {
    super(failure);
  }
}
