package io.github.csbscontract.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When to try a request again. The checks are read-only, so a retry is always safe; retried are
 * 429 (throttled), 502, 503 and 504 answers and failed or broken connections, never other
 * statuses, timeouts of the whole call, a cancelled call or a token supplier's failure. Delays
 * grow exponentially with random jitter, a {@code Retry-After} answer is honoured, and both the
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

  /**
   * The client's default: 3 attempts, 100 ms first delay doubling up to 2 s, at most 10 s in all.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * One attempt: no retry.
   *
   * @return a policy that never retries
   */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * Starts a policy of your own.
   *
   * @return a builder with every setting at its default
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Attempts in all, the first included.
   *
   * @return 1 to 20; 3 by default
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The delay before the first retry, before jitter.
   *
   * @return 100 ms by default
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * The longest delay between attempts, before jitter; a {@code Retry-After} may ask for more.
   *
   * @return 2 s by default
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * The time from the first attempt past which no retry starts and no delay runs.
   *
   * @return 10 s by default
   */
  public Duration maxTotalTime() {
    return maxTotalTime;
  }

  /**
   * The delay before attempt {@code retry + 1} (retry counts from 1): exponential, capped, then
   * scaled by a random factor in [0.5, 1) so that clients do not retry in lockstep.
   */
  long backoffMillis(int retry, double random) {
    double exponential = millis(initialBackoff) * Math.pow(2, retry - 1);
    double capped = Math.min(exponential, millis(maxBackoff));
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

    /**
     * Attempts in all, the first included.
     *
     * @param maxAttempts 1 to 20; 1 turns retries off; 3 by default
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 20) {
        throw new IllegalArgumentException("maxAttempts must be 1 to 20, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The delay before the first retry; each further one doubles, up to {@link #maxBackoff}.
     *
     * @param initialBackoff positive; 100 ms by default
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive("initialBackoff", initialBackoff);
      return this;
    }

    /**
     * The longest delay between attempts, before jitter.
     *
     * @param maxBackoff positive, not less than the initial backoff; 2 s by default
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive("maxBackoff", maxBackoff);
      return this;
    }

    /**
     * No retry starts, and no delay ({@code Retry-After} included) runs, past this time from the
     * first attempt; a {@code Retry-After} that asks for longer ends the retries at once.
     *
     * @param maxTotalTime positive; 10 s by default
     * @return this builder
     */
    public Builder maxTotalTime(Duration maxTotalTime) {
      this.maxTotalTime = positive("maxTotalTime", maxTotalTime);
      return this;
    }

    /**
     * Makes the policy.
     *
     * @return an immutable policy
     * @throws IllegalArgumentException if the maximum backoff is less than the initial one
     */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff must not be less than initialBackoff");
      }
      return new RetryPolicy(this);
    }
  }

  /** The builders' check of a duration setting: present and above zero. */
  /**
   * Milliseconds, at most {@code Long.MAX_VALUE}: a duration meant as "no limit" (such as
   * {@code ChronoUnit.FOREVER.getDuration()}) has more than a long holds.
   */
  static long millis(Duration value) {
    try {
      return value.toMillis();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }
}
