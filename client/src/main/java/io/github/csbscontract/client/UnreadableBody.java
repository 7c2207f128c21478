package io.github.csbscontract.client;

import java.io.IOException;

/** Raised inside the OkHttp chain for a success answer whose body is not the spec's. */
final class UnreadableBody extends IOException {

  private static final long serialVersionUID = 1L;

  final int status;
  final String problem;
  final String snippet;

  UnreadableBody(int status, String problem, String snippet, Throwable cause) {
    super(problem, cause);
    this.status = status;
    this.problem = problem;
    this.snippet = snippet;
  }
}
