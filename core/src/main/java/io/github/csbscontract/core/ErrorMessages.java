package io.github.csbscontract.core;

/**
 * The servers' rule for the text of {@code error_msg}: at most 512 characters, no control
 * characters (C0, DEL, C1), no characters that reorder or hide text (bidi controls, line and
 * paragraph separators): a message echoes what a client sent, and must not reorder or split a log
 * line or a terminal.
 */
public final class ErrorMessages {

  /** The longest {@code error_msg} the servers write (the spec promises clients no limit). */
  public static final int MAX_LENGTH = 512;

  private static final String CUT = "...";

  private ErrorMessages() {}

  /** Cuts text to {@link #MAX_LENGTH}, marking the cut, and turns those characters into spaces. */
  public static String clean(String text) {
    StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
    for (int i = 0; i < text.length() && clean.length() < MAX_LENGTH; i++) {
      char c = text.charAt(i);
      clean.append(unsafe(c) ? ' ' : c);
    }
    if (clean.length() == MAX_LENGTH && text.length() > MAX_LENGTH) {
      clean.setLength(MAX_LENGTH - CUT.length());
      clean.append(CUT);
    }
    return clean.toString();
  }

  private static boolean unsafe(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f)
        // Arabic letter mark, LRM and RLM, embeddings and overrides, isolates; line/paragraph separators.
        || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028 || c == 0x2029;
  }
}
