package io.github.csbscontract.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Too many requests (429, {@code APIG.0308}): the API gateway's throttling. The client retried
 * within its {@link RetryPolicy}, waiting as {@code Retry-After} asked, and the service was still
 * throttling when the policy's attempts or total time ran out.
 */
public final class CsbsThrottledException extends CsbsHttpException {

  private static final long serialVersionUID = 1L;

  /** The wait the last answer asked for, or null. */
  private final Duration retryAfter;

  CsbsThrottledException(HttpFailure failure, Duration retryAfter) {
    super(failure);
    this.retryAfter = retryAfter;
  }

  /**
   * How long the service asked callers to wait, read from the last answer's {@code Retry-After}
   * (seconds, or an HTTP date taken relative to the time the answer was read).
   *
   * @return the wait; empty when the answer had no readable {@code Retry-After}
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
