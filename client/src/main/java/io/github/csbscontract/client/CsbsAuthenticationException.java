package io.github.csbscontract.client;

/** Authentication failed (401) or the token is not allowed on this project (403). */
public final class CsbsAuthenticationException extends CsbsHttpException {

  private static final long serialVersionUID = 1L;

  CsbsAuthenticationException(HttpFailure failure) {
    super(failure);
  }
}
