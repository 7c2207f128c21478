package io.github.csbscontract.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.DoubleSupplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Applies a {@link RetryPolicy} inside the OkHttp chain, for synchronous and asynchronous calls alike. */
final class Retries implements Interceptor {

  private static final System.Logger LOG = System.getLogger(CsbsClient.class.getName());
  private static final Set<Integer> RETRIED_STATUSES = Set.of(502, 503, 504);

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final Clock clock;

  Retries(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random, Clock clock) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long started = clock.millis();
    for (int attempt = 1; ; attempt++) {
      Response response = null;
      IOException failure = null;
      try {
        response = chain.proceed(request);
        if (!RETRIED_STATUSES.contains(response.code())) {
          return response;
        }
      } catch (IOException e) {
        if (!isRetriable(e) || chain.call().isCanceled()) {
          throw e;
        }
        failure = e;
      }
      long delay = response != null ? retryAfterMillis(response, attempt) : policy.backoffMillis(attempt, random.getAsDouble());
      boolean budgetLeft = clock.millis() - started + delay <= policy.maxTotalTime().toMillis();
      if (attempt >= policy.maxAttempts() || !budgetLeft) {
        if (failure != null) {
          throw failure;
        }
        return response;
      }
      String cause = response != null ? "HTTP " + response.code() : failure.getClass().getSimpleName();
      if (response != null) {
        response.close();
      }
      LOG.log(System.Logger.Level.DEBUG, "retrying {0} {1} in {2} ms after {3} (attempt {4} of {5})",
          request.method(), request.url().encodedPath(), delay, cause, attempt + 1, policy.maxAttempts());
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting to retry");
        interrupted.initCause(e);
        throw interrupted;
      }
    }
  }

  /** Connection failures and broken exchanges; not a whole-call timeout, a cancel or a bad body. */
  private static boolean isRetriable(IOException e) {
    if (e instanceof UnreadableBody) {
      return false;
    }
    return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException;
  }

  /** Retry-After in seconds or as an HTTP date, else the policy's backoff. */
  private long retryAfterMillis(Response response, int attempt) {
    String retryAfter = response.header("Retry-After");
    if (retryAfter != null) {
      try {
        return Math.max(0, Duration.ofSeconds(Long.parseLong(retryAfter.trim())).toMillis());
      } catch (NumberFormatException notSeconds) {
        try {
          ZonedDateTime at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
          return Math.max(0, at.toInstant().toEpochMilli() - clock.wallMillis());
        } catch (DateTimeParseException notADate) {
          // An unreadable Retry-After is ignored, as RFC 9110 allows.
        }
      }
    }
    return policy.backoffMillis(attempt, random.getAsDouble());
  }

  /** Waits between attempts; tests record instead of sleeping. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
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
