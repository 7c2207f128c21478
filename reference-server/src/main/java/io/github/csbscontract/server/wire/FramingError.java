package io.github.csbscontract.server.wire;

/**
 * A request whose HTTP/1.1 framing the server refuses: where its body ends is ambiguous (RFC 9112
 * sections 6.1 and 6.3), or it is not HTTP/1.x at all. Such a request is answered with
 * {@link #status} and the connection is closed, because nothing after it can be trusted to be
 * the start of the next request.
 */
final class FramingError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int status;

  FramingError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static FramingError badRequest(String message) {
    return new FramingError(400, message);
  }
}
