package io.github.csbscontract.server.wire;

/** What no request can recover from. */
public final class Fatal {

  private Fatal() {}

  /**
   * A JVM out of memory may have lost an event loop and would answer nothing ever again; better
   * to end so that a supervisor starts a fresh one.
   */
  public static void haltOnOutOfMemory(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        System.err.println("csbs-reference-server: out of memory, exiting");
        Runtime.getRuntime().halt(3);
      }
    }
  }
}
