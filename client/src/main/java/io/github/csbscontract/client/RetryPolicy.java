package io.github.csbscontract.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When to try a request again. The checks are read-only, so a retry is always safe; retried are
 * 502, 503 and 504 answers and failed connections, never other statuses. Delays grow
 * exponentially with random jitter, a {@code Retry-After} answer is honoured, and both the
 * number of attempts and the total time are capped.
 *
 * <pre>
 * RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofMillis(200)).build();
 * RetryPolicy.none();
 * </pre>
 */
public final class RetryPolicy {

  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxTotalTime;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.maxTotalTime = builder.maxTotalTime;
  }

  /** 3 attempts, 100 ms first delay doubling up to 2 s, at most 10 s in all. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt: no retry. */
  public static RetryPolicy none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public Duration maxTotalTime() {
    return maxTotalTime;
  }

  /**
   * The delay before attempt {@code retry + 1} (retry counts from 1): exponential, capped, then
   * scaled by a random factor in [0.5, 1) so that clients do not retry in lockstep.
   */
  long backoffMillis(int retry, double random) {
    double exponential = initialBackoff.toMillis() * Math.pow(2, retry - 1);
    double capped = Math.min(exponential, maxBackoff.toMillis());
    return (long) (capped * (0.5 + random / 2));
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", maxTotalTime=" + maxTotalTime + "]";
  }

  /** Builds a {@link RetryPolicy}; every setting is optional. */
  public static final class Builder {

    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(2);
    private Duration maxTotalTime = Duration.ofSeconds(10);

    private Builder() {}

    /** Attempts in all, the first included; 1 turns retries off. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 20) {
        throw new IllegalArgumentException("maxAttempts must be 1 to 20, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive("initialBackoff", initialBackoff);
      return this;
    }

    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive("maxBackoff", maxBackoff);
      return this;
    }

    /** No retry starts, and no delay (Retry-After included) runs, past this time from the first attempt. */
    public Builder maxTotalTime(Duration maxTotalTime) {
      this.maxTotalTime = positive("maxTotalTime", maxTotalTime);
      return this;
    }

    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff must not be less than initialBackoff");
      }
      return new RetryPolicy(this);
    }

  }

  /** The builders' check of a duration setting: present and above zero. */
  static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }
}
