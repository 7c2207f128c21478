package io.github.csbscontract.client;

/** Invalid request parameters (400). */
public final class CsbsBadRequestException extends CsbsHttpException {

  private static final long serialVersionUID = 1L;

  CsbsBadRequestException(HttpFailure failure) {
    super(failure);
  }
}
