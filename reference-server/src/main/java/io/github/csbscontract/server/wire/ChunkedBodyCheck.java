package io.github.csbscontract.server.wire;

import io.netty.buffer.ByteBuf;

/**
 * Follows a chunked body's framing ahead of Netty's decoder and refuses what the decoder would
 * misread: a size with leading whitespace, which it skips, and sizes past
 * {@link Integer#MAX_VALUE}, which its int arithmetic wraps ({@code 100000005} is read as 5, so
 * the rest of the "chunk" would be parsed as the next request). Everything else that would make
 * the decoder drop the connection without an answer is refused here first, so that it gets the
 * service's error body: a size that is not hex, a line not ended by CRLF (RFC 9112 section 7.1
 * has no bare LF or CR), an extension of control characters or over {@value #MAX_EXTENSION_BYTES}
 * bytes, a trailer line that is not {@code name: value}, trailers over
 * {@value #MAX_TRAILER_BYTES} bytes (both limits below the decoder's own).
 *
 * <p>Hand-written because Netty offers no switch for either (4.2, {@code HttpObjectDecoder#getChunkSize});
 * it steps byte by byte only through size lines and trailers, and skips chunk data whole.
 */
final class ChunkedBodyCheck {

  static final int MAX_EXTENSION_BYTES = 4 * 1024;
  static final int MAX_TRAILER_BYTES = 8 * 1024;

  private enum State { SIZE_LINE_START, SIZE_DIGITS, EXTENSION, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILER_LINE_START,
    TRAILER_NAME, TRAILER_VALUE, TRAILER_LF, LAST_LF, DONE }

  private State state = State.SIZE_LINE_START;
  private long size;
  private long remaining;
  private int extensionBytes;
  private int trailerBytes;

  /** Whether the last chunk and its trailers have been seen. */
  boolean done() {
    return state == State.DONE;
  }

  /** Checks {@code buffer[from, to)}, the next bytes of the body; throws at the first framing error. */
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
        } else if (b == ';' || b == ' ' || b == '\t') {
          extensionBytes = 0;
          state = State.EXTENSION;
        } else if (b == '\r') {
          state = State.SIZE_LF;
        } else if (b == '\n') {
          throw lineEnd();
        } else {
          throw FramingError.badRequest("request: a chunk size must be hexadecimal");
        }
      }
      case EXTENSION -> {
        if (b == '\r') {
          state = State.SIZE_LF;
        } else if (isControl(b)) {
          throw b == '\n' ? lineEnd() : FramingError.badRequest("request: a chunk extension must not hold control characters");
        } else if (++extensionBytes > MAX_EXTENSION_BYTES) {
          throw FramingError.badRequest("request: a chunk extension must not pass " + MAX_EXTENSION_BYTES + " bytes");
        }
      }
      case SIZE_LF -> {
        expectLf(b);
        remaining = size;
        state = size == 0 ? State.TRAILER_LINE_START : State.DATA;
      }
      case DATA_CR -> {
        if (b != '\r') {
          throw FramingError.badRequest("request: chunk data must end with CRLF");
        }
        state = State.DATA_LF;
      }
      case DATA_LF -> {
        if (b != '\n') {
          throw FramingError.badRequest("request: chunk data must end with CRLF");
        }
        state = State.SIZE_LINE_START;
      }
      default -> trailer(b);
    }
  }

  /** The trailer section: field lines, then the empty line that ends the message. */
  private void trailer(byte b) {
    if (++trailerBytes > MAX_TRAILER_BYTES) {
      throw FramingError.badRequest("request: trailers must not pass " + MAX_TRAILER_BYTES + " bytes");
    }
    switch (state) {
      case TRAILER_LINE_START -> {
        if (b == '\r') {
          state = State.LAST_LF;
        } else if (isTokenChar(b)) {
          state = State.TRAILER_NAME;
        } else {
          throw b == '\n' ? lineEnd() : badTrailer();
        }
      }
      case TRAILER_NAME -> {
        if (b == ':') {
          state = State.TRAILER_VALUE;
        } else if (!isTokenChar(b)) {
          throw badTrailer();
        }
      }
      case TRAILER_VALUE -> {
        if (b == '\r') {
          state = State.TRAILER_LF;
        } else if (isControl(b)) {
          throw b == '\n' ? lineEnd() : badTrailer();
        }
      }
      case TRAILER_LF -> {
        expectLf(b);
        state = State.TRAILER_LINE_START;
      }
      case LAST_LF -> {
        expectLf(b);
        state = State.DONE;
      }
      default -> throw new IllegalStateException(state.name());
    }
  }

  private static void expectLf(byte b) {
    if (b != '\n') {
      throw lineEnd();
    }
  }

  private static FramingError lineEnd() {
    return FramingError.badRequest("request: a chunk or trailer line must end with CRLF");
  }

  private static FramingError badTrailer() {
    return FramingError.badRequest("request: a trailer line must be a field, name: value");
  }

  /** Controls but tab: RFC 9110 section 5.5 allows none of them in a field value (nor here). */
  private static boolean isControl(byte b) {
    return (b >= 0 && b < 0x20 && b != '\t') || b == 0x7f;
  }

  /** RFC 9110 section 5.6.2: a field name's characters. */
  private static boolean isTokenChar(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
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
