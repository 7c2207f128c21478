package io.github.csbscontract.server.control;

import java.time.Duration;
import java.util.Objects;

/**
 * One way for the server to misbehave on purpose, for testing the code that calls it: slow
 * answers, 503 and 429 with or without {@code Retry-After}, a reset connection, an empty or
 * truncated body, a trickled body. It applies to the operation's requests that the gateway
 * admitted (valid token, JSON, size), of any project or of one, for either action or one, a
 * number of times or until cleared. Immutable; each {@code with...} returns a changed copy.
 *
 * <pre>
 * server.faults().add(Fault.serviceUnavailable().withRetryAfter(Duration.ofSeconds(1)).times(2));
 * server.faults().add(Fault.latency(Duration.ofMillis(300)).forProject("0605767ab000d4c12f3bc0033d9d5d06"));
 * </pre>
 */
public final class Fault {

  /** What goes wrong. */
  public enum Kind {
    /** The answer comes after a delay (fixed, or random between two bounds). */
    LATENCY,
    /** 503 in the service's error format. */
    SERVICE_UNAVAILABLE,
    /** 429 {@code APIG.0308}, as the API gateway throttles. */
    THROTTLED,
    /** The connection is reset (TCP RST) instead of answered. */
    CONNECTION_RESET,
    /** 200 with an empty body. */
    EMPTY_BODY,
    /** 200 whose body stops half-way and whose connection then closes. */
    TRUNCATED_BODY,
    /** The right answer, its body written a few bytes at a time. */
    SLOW_BODY
  }

  private static final java.util.regex.Pattern PROJECT_ID =
      java.util.regex.Pattern.compile(io.github.csbscontract.core.Contract.PROJECT_ID_PATTERN);

  /** Until {@link Faults#clear()}. */
  public static final int ALWAYS = -1;

  private final Kind kind;
  private final int times;
  private final String projectId;
  private final String action;
  private final Duration delay;
  private final Duration maxDelay;
  private final Duration retryAfter;

  private Fault(Kind kind, int times, String projectId, String action, Duration delay, Duration maxDelay,
      Duration retryAfter) {
    this.kind = kind;
    this.times = times;
    this.projectId = projectId;
    this.action = action;
    this.delay = delay;
    this.maxDelay = maxDelay;
    this.retryAfter = retryAfter;
  }

  /** Every answer waits {@code delay} first. */
  public static Fault latency(Duration delay) {
    return latency(delay, delay);
  }

  /** Every answer waits a random time between {@code min} and {@code max} first. */
  public static Fault latency(Duration min, Duration max) {
    nonNegative("min", min);
    nonNegative("max", max);
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException("max must not be less than min");
    }
    return new Fault(Kind.LATENCY, ALWAYS, null, null, min, max, null);
  }

  /** 503 in the service's error format, without {@code Retry-After} unless asked. */
  public static Fault serviceUnavailable() {
    return new Fault(Kind.SERVICE_UNAVAILABLE, ALWAYS, null, null, null, null, null);
  }

  /** 429 {@code APIG.0308}, without {@code Retry-After} unless asked. */
  public static Fault throttled() {
    return new Fault(Kind.THROTTLED, ALWAYS, null, null, null, null, null);
  }

  public static Fault connectionReset() {
    return new Fault(Kind.CONNECTION_RESET, ALWAYS, null, null, null, null, null);
  }

  public static Fault emptyBody() {
    return new Fault(Kind.EMPTY_BODY, ALWAYS, null, null, null, null, null);
  }

  public static Fault truncatedBody() {
    return new Fault(Kind.TRUNCATED_BODY, ALWAYS, null, null, null, null, null);
  }

  /** The answer's body written 8 bytes at a time, {@code pause} apart. */
  public static Fault slowBody(Duration pause) {
    nonNegative("pause", pause);
    return new Fault(Kind.SLOW_BODY, ALWAYS, null, null, pause, pause, null);
  }

  /** Only the next {@code count} matching requests; then the fault is used up. */
  public Fault times(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + count);
    }
    return new Fault(kind, count, projectId, action, delay, maxDelay, retryAfter);
  }

  /** Only requests on this project's path; {@code projectId} is 32 lowercase hex characters, as in a catalog. */
  public Fault forProject(String projectId) {
    Objects.requireNonNull(projectId, "projectId == null");
    if (!PROJECT_ID.matcher(projectId).matches()) {
      throw new IllegalArgumentException("project_id: must be 32 lowercase hex characters");
    }
    return new Fault(kind, times, projectId, action, delay, maxDelay, retryAfter);
  }

  /** Only {@code check_restorable} or only {@code check_protectable} requests. */
  public Fault forAction(String action) {
    if (!"check_restorable".equals(action) && !"check_protectable".equals(action)) {
      throw new IllegalArgumentException("action must be check_restorable or check_protectable, was " + action);
    }
    return new Fault(kind, times, projectId, action, delay, maxDelay, retryAfter);
  }

  /** For 503 and 429: the {@code Retry-After} header, in whole seconds. */
  public Fault withRetryAfter(Duration retryAfter) {
    if (kind != Kind.SERVICE_UNAVAILABLE && kind != Kind.THROTTLED) {
      throw new IllegalStateException("Retry-After belongs to 503 and 429, not to " + kind);
    }
    nonNegative("retryAfter", retryAfter);
    return new Fault(kind, times, projectId, action, delay, maxDelay, retryAfter);
  }

  public Kind kind() {
    return kind;
  }

  /** How many requests it applies to; {@link #ALWAYS} until cleared. */
  public int times() {
    return times;
  }

  /** The project it is limited to, or null for any. */
  public String projectId() {
    return projectId;
  }

  /** The action it is limited to, or null for either. */
  public String action() {
    return action;
  }

  /** For latency: the shortest delay; for a slow body: the pause between writes; else null. */
  public Duration delay() {
    return delay;
  }

  /** For latency: the longest delay; else null or as {@link #delay()}. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** For 503 and 429: the Retry-After to send, or null for none. */
  public Duration retryAfter() {
    return retryAfter;
  }

  boolean matches(String projectId, String action) {
    return (this.projectId == null || this.projectId.equals(projectId))
        && (this.action == null || this.action.equals(action));
  }

  @Override
  public String toString() {
    return "Fault[" + kind + (times == ALWAYS ? "" : " x" + times) + (projectId == null ? "" : " project " + projectId)
        + (action == null ? "" : " " + action) + (delay == null ? "" : " " + delay + (delay.equals(maxDelay) ? "" : ".." + maxDelay))
        + (retryAfter == null ? "" : " Retry-After " + retryAfter.toSeconds() + "s") + "]";
  }

  private static void nonNegative(String name, Duration value) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }
}
