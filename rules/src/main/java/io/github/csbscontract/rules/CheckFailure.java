package io.github.csbscontract.rules;

/** Why an item failed: the CSBS code and the filled-in message. */
public record CheckFailure(String errorCode, String errorMsg) {

  static CheckFailure of(FailureCode error, Object... args) {
    return new CheckFailure(error.code(), error.message(args));
  }
}
