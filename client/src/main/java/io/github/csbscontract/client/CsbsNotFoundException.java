package io.github.csbscontract.client;

/** The API or project was not found (404). */
public final class CsbsNotFoundException extends CsbsHttpException {

  private static final long serialVersionUID = 1L;

  CsbsNotFoundException(HttpFailure failure) {
    super(failure);
  }
}
