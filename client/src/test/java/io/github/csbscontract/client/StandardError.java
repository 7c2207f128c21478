package io.github.csbscontract.client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What the code under test prints to System.err (where uncaught exceptions of threads go). */
final class StandardError implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  StandardError() {
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  String text() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setErr(original);
  }

  /** The exception and its causes, as a log would show them. */
  static String stackText(Throwable t) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = t; cause != null; cause = cause.getCause()) {
      text.append(cause).append('\n');
      for (Throwable suppressed : cause.getSuppressed()) {
        text.append("suppressed: ").append(suppressed).append('\n');
      }
    }
    return text.toString();
  }
}
