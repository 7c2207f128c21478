package io.github.csbscontract.client;

import java.io.IOException;

/**
 * Server text made safe for messages and logs. Error codes, error messages, request IDs, body
 * snippets, Location headers and the parser's or OkHttp's words about a broken answer all come
 * from whoever answered; in a message, a CR/LF forges log lines, an ESC sequence rewrites a
 * terminal, a bidi override (U+202E) reorders what a reader sees. Such characters are written as
 * {@code \r}, {@code \n}, {@code \t} or {@code \}{@code uXXXX}; the exceptions' accessors keep
 * the raw values.
 */
final class Printable {

  private Printable() {}

  /**
   * C0 and C1 controls and DEL (Cc), format characters (Cf: the bidi embeddings, overrides and
   * isolates, zero-width characters, the BOM), line and paragraph separators, and lone surrogates.
   */
  static boolean isUnsafe(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
  }

  /** The text with every unsafe character escaped; the same string when there is none. */
  static String escape(String text) {
    if (text == null || text.codePoints().noneMatch(Printable::isUnsafe)) {
      return text;
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      if (!isUnsafe(c)) {
        escaped.appendCodePoint(c);
      } else if (c == '\n') {
        escaped.append("\\n");
      } else if (c == '\r') {
        escaped.append("\\r");
      } else if (c == '\t') {
        escaped.append("\\t");
      } else {
        escaped.append(String.format("\\u%04X", c));
      }
    });
    return escaped.toString();
  }

  /**
   * The cause itself when no message in its chain holds an unsafe character; else a copy of the
   * chain whose messages are escaped (class names and stack traces kept), so that a logger
   * printing the cause prints nothing the server chose either.
   */
  static Throwable safeCause(Throwable cause) {
    if (cause == null || isClean(cause)) {
      return cause;
    }
    Escaped copy = new Escaped(cause.getClass().getName(), escape(cause.getMessage()), safeCause(cause.getCause()));
    copy.setStackTrace(cause.getStackTrace());
    return copy;
  }

  private static boolean isClean(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.codePoints().anyMatch(Printable::isUnsafe)) {
        return false;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return true;
  }

  /** Stands for a cause whose message held server text; prints as the original class would. */
  static final class Escaped extends IOException {

    private static final long serialVersionUID = 1L;

    private final String originalClass;

    Escaped(String originalClass, String message, Throwable cause) {
      super(message, cause);
      this.originalClass = originalClass;
    }

    @Override
    public String toString() {
      return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
    }
  }
}
