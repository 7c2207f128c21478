package io.github.csbscontract.client;

/** Authentication failed (401) or the token is not allowed on this project (403). */
public final class CsbsAuthenticationException extends CsbsHttpException {

  private static final long serialVersionUID = 1L;

  CsbsAuthenticationException(int status, String errorCode, String errorMsg, String requestId, String bodySnippet) {
    super(status, errorCode, errorMsg, requestId, bodySnippet);
  }
}
