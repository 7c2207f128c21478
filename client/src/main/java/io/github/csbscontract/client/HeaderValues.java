package io.github.csbscontract.client;

/** Which strings an HTTP header can carry, described without repeating them (tokens are secret). */
final class HeaderValues {

  private HeaderValues() {}

  /**
   * Null when {@code value} can be sent as it is; else what is wrong, naming the character and
   * its position only. {@code visibleOnly} also refuses spaces and tabs (a token has none).
   */
  static String problem(String value, boolean visibleOnly) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed = visibleOnly ? c > 0x20 && c < 0x7f : c == '\t' || (c >= 0x20 && c < 0x7f);
      if (!allowed) {
        String problem = "has " + describe(c) + " at character " + (i + 1) + " of " + value.length()
            + ", which an HTTP header cannot carry";
        return c == '\n' || c == '\r' ? problem + " (a line end, as read from a file? strip it)" : problem;
      }
    }
    return null;
  }

  private static String describe(char c) {
    String code = String.format("U+%04X", (int) c);
    return switch (c) {
      case '\n' -> "a line feed (" + code + ")";
      case '\r' -> "a carriage return (" + code + ")";
      case '\t' -> "a tab (" + code + ")";
      case ' ' -> "a space (" + code + ")";
      default -> c < 0x20 || c == 0x7f ? "a control character (" + code + ")" : "a non-ASCII character (" + code + ")";
    };
  }
}
