package io.github.csbscontract.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Applies a {@link RetryPolicy} inside the OkHttp chain, for synchronous and asynchronous calls alike. */
final class Retries implements Interceptor {

  private static final System.Logger LOG = System.getLogger(CsbsClient.class.getName());
  /** Throttled, and the gateway's "try again": the checks are read-only, so a retry is always safe. */
  static final Set<Integer> RETRIED_STATUSES = Set.of(429, 502, 503, 504);

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final Clock clock;
  private final AttemptListener listener;

  Retries(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random, Clock clock, AttemptListener listener) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.random = random;
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallState state = request.tag(CallState.class);
    long started = clock.millis();
    for (int attempt = 1; ; attempt++) {
      if (state != null) {
        state.attemptStarted();
      }
      long attemptStarted = System.nanoTime();
      Response response = null;
      IOException failure = null;
      try {
        response = chain.proceed(request);
        if (!RETRIED_STATUSES.contains(response.code())) {
          tell(state, attempt, response.code(), null, attemptStarted, 0, false);
          return response;
        }
      } catch (IOException e) {
        if (!isRetriable(e) || chain.call().isCanceled()) {
          tell(state, attempt, e instanceof UnreadableBody unreadable ? unreadable.status : 0, e, attemptStarted, 0, false);
          throw e;
        }
        failure = e;
      }
      long delay = response != null ? retryAfterMillis(response, attempt) : policy.backoffMillis(attempt, random.getAsDouble());
      long elapsed = clock.millis() - started;
      boolean budgetLeft = delay <= RetryPolicy.millis(policy.maxTotalTime()) - elapsed;
      // A wait that would outlast the call's deadline is not begun: the caller gets the answer
      // or the failure it has now, rather than a timeout for a retry that could never be sent.
      boolean deadlineLeft = state == null || state.deadlineMillis() <= 0 || delay < state.deadlineMillis() - elapsed;
      if (attempt >= policy.maxAttempts() || !budgetLeft || !deadlineLeft) {
        tell(state, attempt, response == null ? 0 : response.code(), failure, attemptStarted, 0, false);
        if (failure != null) {
          throw failure;
        }
        return response;
      }
      tell(state, attempt, response == null ? 0 : response.code(), failure, attemptStarted, delay, true);
      String cause = response != null ? "HTTP " + response.code() : failure.getClass().getSimpleName();
      if (response != null) {
        response.close();
      }
      LOG.log(System.Logger.Level.DEBUG, "retrying {0} {1} in {2} ms after {3} (attempt {4} of {5})",
          request.method(), request.url().encodedPath(), delay, cause, attempt + 1, policy.maxAttempts());
      try {
        sleeper.sleep(delay, chain.call()::isCanceled);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting to retry");
        interrupted.initCause(e);
        throw interrupted;
      }
      if (chain.call().isCanceled()) {
        // Cancelled while waiting (close(), a cancelled future, the call timeout): OkHttp's word for it.
        throw new IOException("Canceled");
      }
    }
  }

  /** Tells the listener, if any; what it throws is logged by class name and otherwise ignored. */
  private void tell(CallState state, int number, int status, IOException failure, long startedNanos, long delayMillis,
      boolean willRetry) {
    if (listener == null) {
      return;
    }
    String why = failure == null ? "" : failure instanceof UnreadableBody ? "unreadable body"
        : failure instanceof TokenUnavailable ? "no token" : failure.getClass().getSimpleName();
    try {
      listener.attemptEnded(new AttemptListener.Attempt(state == null ? "" : state.action(), number, status, why,
          Duration.ofNanos(System.nanoTime() - startedNanos), willRetry, Duration.ofMillis(delayMillis)));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the attempt listener threw {0}; the call goes on", e.getClass().getName());
    }
  }

  /** Connection failures and broken exchanges; not a whole-call timeout, a cancel, a bad body or a missing token. */
  private static boolean isRetriable(IOException e) {
    if (e instanceof UnreadableBody || e instanceof TokenUnavailable) {
      return false;
    }
    return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException;
  }

  private long retryAfterMillis(Response response, int attempt) {
    OptionalLong retryAfter = retryAfterMillis(response.header("Retry-After"), clock.wallMillis());
    return retryAfter.isPresent() ? retryAfter.getAsLong() : policy.backoffMillis(attempt, random.getAsDouble());
  }

  /**
   * Retry-After in seconds or as an HTTP date, as a wait from {@code nowMillis}; empty when absent
   * or unreadable (RFC 9110 lets a client ignore it then).
   */
  static OptionalLong retryAfterMillis(String retryAfter, long nowMillis) {
    if (retryAfter == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Math.max(0, Duration.ofSeconds(Long.parseLong(retryAfter.trim())).toMillis()));
    } catch (NumberFormatException | ArithmeticException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        return OptionalLong.of(Math.max(0, at.toInstant().toEpochMilli() - nowMillis));
      } catch (DateTimeParseException notADate) {
        return OptionalLong.empty();
      }
    }
  }

  /** Waits between attempts, ending early when the call is cancelled; tests record instead. */
  interface Sleeper {
    void sleep(long millis, BooleanSupplier canceled) throws InterruptedException;

    /**
     * Sleeps in slices of at most 50 ms, so that close() or a cancelled future ends a wait for
     * Retry-After (which can be seconds) within 50 ms, on the caller's thread too (which the
     * client must not interrupt).
     */
    Sleeper REAL = (millis, canceled) -> {
      long deadline = System.nanoTime() + millis * 1_000_000;
      for (long left = millis; left > 0 && !canceled.getAsBoolean(); left = (deadline - System.nanoTime()) / 1_000_000) {
        Thread.sleep(Math.min(left, 50));
      }
    };
  }

  /** Elapsed time for the budget, wall time for Retry-After dates. */
  interface Clock {
    long millis();

    long wallMillis();

    Clock SYSTEM = new Clock() {
      @Override
      public long millis() {
        return System.nanoTime() / 1_000_000;
      }

      @Override
      public long wallMillis() {
        return System.currentTimeMillis();
      }
    };
  }
}
