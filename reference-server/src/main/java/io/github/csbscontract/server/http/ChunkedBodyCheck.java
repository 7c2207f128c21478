package io.github.csbscontract.server.http;

import io.netty.buffer.ByteBuf;

/**
 * Follows a chunked body's framing ahead of Netty's decoder and refuses the chunk-size lines that
 * the decoder would misread: leading whitespace, which it skips, and sizes past
 * {@link Integer#MAX_VALUE}, which its int arithmetic wraps ({@code 100000005} is read as 5, so
 * the rest of the "chunk" would be parsed as the next request). It also checks what would make
 * the decoder drop the connection without an answer (a size that is not hex, data not ended by
 * CRLF), so that those get the service's error body; extensions and trailers the decoder checks.
 *
 * <p>Hand-written because Netty offers no switch for either (4.2, {@code HttpObjectDecoder#getChunkSize});
 * it reads only what it must to find each size line.
 */
final class ChunkedBodyCheck {

  private enum State { SIZE_LINE_START, SIZE_DIGITS, SIZE_LINE_REST, DATA, DATA_CR, DATA_LF, TRAILER_LINE_START,
    TRAILER_LINE_REST, DONE }

  private State state = State.SIZE_LINE_START;
  private long size;
  private long remaining;

  /** Whether the last chunk and its trailers have been seen. */
  boolean done() {
    return state == State.DONE;
  }

  /** Checks {@code buffer[from, to)}, the next bytes of the body; throws at the first bad size line. */
  void scan(ByteBuf buffer, int from, int to) {
    int i = from;
    while (i < to && state != State.DONE) {
      switch (state) {
        case DATA -> {
          int skip = (int) Math.min(remaining, to - i);
          remaining -= skip;
          i += skip;
          if (remaining == 0) {
            state = State.DATA_CR;
          }
        }
        default -> step(buffer.getByte(i++));
      }
    }
  }

  private void step(byte b) {
    switch (state) {
      case SIZE_LINE_START -> {
        int digit = hex(b);
        if (digit < 0) {
          throw FramingError.badRequest("request: a chunk size must start with a hex digit");
        }
        size = digit;
        state = State.SIZE_DIGITS;
      }
      case SIZE_DIGITS -> {
        int digit = hex(b);
        if (digit >= 0) {
          size = size * 16 + digit;
          if (size > Integer.MAX_VALUE) {
            throw FramingError.badRequest("request: chunk size too large");
          }
        } else if (b == ';' || b == ' ' || b == '\t' || b == '\r' || b == '\n') {
          state = State.SIZE_LINE_REST;
          step(b);
        } else {
          throw FramingError.badRequest("request: a chunk size must be hexadecimal");
        }
      }
      case SIZE_LINE_REST -> {
        if (b == '\n') {
          remaining = size;
          state = size == 0 ? State.TRAILER_LINE_START : State.DATA;
        }
      }
      case DATA_CR -> state = expect(b, '\r', State.DATA_LF);
      case DATA_LF -> state = expect(b, '\n', State.SIZE_LINE_START);
      case TRAILER_LINE_START -> state = b == '\n' ? State.DONE : b == '\r' ? State.TRAILER_LINE_START
          : State.TRAILER_LINE_REST;
      case TRAILER_LINE_REST -> {
        if (b == '\n') {
          state = State.TRAILER_LINE_START;
        }
      }
      default -> throw new IllegalStateException(state.name());
    }
  }

  private static State expect(byte b, char wanted, State next) {
    if (b != wanted) {
      throw FramingError.badRequest("request: chunk data must end with CRLF");
    }
    return next;
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }
}
