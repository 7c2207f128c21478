package io.github.csbscontract.client;

import java.time.Duration;

/**
 * Told about every attempt of every call when it ends, for metrics and logs: which action, the
 * attempt's number, the status it got (or why it got none), how long it took, and whether and
 * after what wait the client tries again. It is never told the token, the request or the body.
 *
 * <pre>
 * CsbsClient.builder()...
 *     .attemptListener(attempt -&gt; registry.timer("csbs.attempts",
 *         "status", String.valueOf(attempt.status()), "retry", String.valueOf(attempt.willRetry()))
 *         .record(attempt.duration()))
 * </pre>
 *
 * <p>It runs on the thread that made the attempt (the caller's, or one of the client's I/O
 * threads), before the wait for the next one: keep it quick, and thread-safe. What it throws is
 * logged (its class name only) and does not change the call.
 */
@FunctionalInterface
public interface AttemptListener {

  /**
   * An attempt ended.
   *
   * @param attempt what happened
   */
  void attemptEnded(Attempt attempt);

  /**
   * One attempt of a call.
   *
   * @param action {@code check_restorable} or {@code check_protectable}
   * @param number the attempt's number within its call, from 1
   * @param status the HTTP status of the answer; 0 when none was read
   * @param failure why no usable answer came, as the exception's simple class name (for example
   *     {@code SocketTimeoutException}, {@code ConnectException}, {@code ProtocolException}),
   *     {@code "unreadable body"} for an answer the client refused to read, or {@code "no token"};
   *     empty when an answer with a readable body came, whatever its status
   * @param duration from sending the request to the end of the answer or the failure
   * @param willRetry whether another attempt follows
   * @param delay the wait before it; {@link Duration#ZERO} when none follows
   */
  record Attempt(String action, int number, int status, String failure, Duration duration, boolean willRetry,
      Duration delay) {}
}
