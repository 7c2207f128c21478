package io.github.csbscontract.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@link Inventory}'s store cannot answer now: its database is down or unreachable, its
 * connection pool is exhausted. Every runtime the package ships answers it with 503
 * {@code CSBS.0503} ("Service unavailable.") and a {@code Retry-After} header of
 * {@link #retryAfter()}; the message and the cause are logged, never sent.
 */
public class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What a client is told to wait unless the store knows better. */
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private final Duration retryAfter;

  public StoreUnavailableException(String message, Throwable cause) {
    this(message, cause, DEFAULT_RETRY_AFTER);
  }

  /** @param retryAfter how long a client should wait before it asks again; whole seconds are sent */
  public StoreUnavailableException(String message, Throwable cause, Duration retryAfter) {
    super(message, cause);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter == null");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter: must not be negative, was " + retryAfter);
    }
  }

  /** How long a client should wait before it asks again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
