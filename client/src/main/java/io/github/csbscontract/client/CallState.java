package io.github.csbscontract.client;

/**
 * What one call's attempts leave for the facade's messages, carried as a tag of the OkHttp
 * request (tags survive the interceptors' {@code newBuilder()} copies). Written on the thread
 * that runs the call and read after it ended, on that thread or after the future's hand-over.
 */
final class CallState {

  private volatile int attempts;
  private volatile int expectedResults = -1;
  private volatile String action = "";
  private volatile byte[] successBody;
  private volatile long deadlineMillis;
  private volatile boolean deadlinePassed;

  void attemptStarted() {
    attempts++;
  }

  /** Set before the call starts: the number of items sent, so of results to expect. */
  void expect(String action, int results) {
    this.action = action;
    this.expectedResults = results;
  }

  /** Set before the call starts: how long it may take, retries and waits included. */
  void deadline(long millis) {
    this.deadlineMillis = millis;
  }

  long deadlineMillis() {
    return deadlineMillis;
  }

  /** Set by {@link Deadlines} just before it cancels the call. */
  void deadlinePassed() {
    this.deadlinePassed = true;
  }

  boolean hasDeadlinePassed() {
    return deadlinePassed;
  }

  String action() {
    return action;
  }

  /** -1 when not known. */
  int expectedResults() {
    return expectedResults;
  }

  int attempts() {
    return attempts;
  }

  /** The bytes of the 200 answer, kept so that an answer with the wrong results can be quoted. */
  void successBody(byte[] body) {
    this.successBody = body;
  }

  String successSnippet() {
    byte[] body = successBody;
    return body == null ? "" : BoundedJsonConverterFactory.snippet(body);
  }
}
