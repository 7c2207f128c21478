package io.github.csbscontract.client;

/** Invalid request parameters (400). */
public final class CsbsBadRequestException extends CsbsHttpException {

  private static final long serialVersionUID = 1L;

  CsbsBadRequestException(int status, String errorCode, String errorMsg, String requestId, String bodySnippet) {
    super(status, errorCode, errorMsg, requestId, bodySnippet);
  }
}
