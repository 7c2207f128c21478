package io.github.csbscontract.core;

/** The servers' rule for the text of {@code error_msg}: at most 512 characters, no control characters. */
public final class ErrorMessages {

  /** The longest {@code error_msg} the servers write (the spec promises clients no limit). */
  public static final int MAX_LENGTH = 512;

  private static final String CUT = "...";

  private ErrorMessages() {}

  /** Cuts text to {@link #MAX_LENGTH}, marking the cut, and turns control characters into spaces. */
  public static String clean(String text) {
    StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
    for (int i = 0; i < text.length() && clean.length() < MAX_LENGTH; i++) {
      char c = text.charAt(i);
      clean.append(c < 0x20 || c == 0x7f ? ' ' : c);
    }
    if (clean.length() == MAX_LENGTH && text.length() > MAX_LENGTH) {
      clean.setLength(MAX_LENGTH - CUT.length());
      clean.append(CUT);
    }
    return clean.toString();
  }
}
