package io.github.csbscontract.rules;

import io.github.csbscontract.core.ErrorCode;

/** Why an item failed: the CSBS code and the filled-in message. */
public record CheckFailure(String errorCode, String errorMsg) {

  static CheckFailure of(ErrorCode error, Object... args) {
    return new CheckFailure(error.code(), error.message(args));
  }
}
