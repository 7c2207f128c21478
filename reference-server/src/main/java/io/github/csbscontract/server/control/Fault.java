package io.github.csbscontract.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.csbscontract.core.Contract;
import io.github.csbscontract.core.ErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One way for the server to misbehave on purpose, for testing the code that calls it: slow
 * answers, any error status in the service's format (503 and 429 with their own codes), with or
 * without {@code Retry-After} and other headers, a reset connection, an empty or truncated body,
 * a trickled body. It applies to the operation's requests that the gateway admitted (valid
 * token, JSON, size), of any project or of one, for either action or one, for any body or one
 * that names an ID, a number of times or until cleared. Immutable; each {@code with...} and
 * {@code for...} returns a changed copy. Its values are bounded (a few headers of a few hundred
 * characters), so that the faults a server holds stay small.
 *
 * <pre>
 * server.faults().add(Fault.serviceUnavailable().withRetryAfter(Duration.ofSeconds(1)).times(2));
 * server.faults().add(Fault.latency(Duration.ofMillis(300)).forProject("0605767ab000d4c12f3bc0033d9d5d06"));
 * server.faults().add(Fault.error(504).forBodyNaming("8986ce68-3da7-4d29-9cc2-1921e9504975"));
 * </pre>
 */
// Long because each of its dozen properties has a with-er, an accessor and its bounds checked.
public final class Fault {

  /** What goes wrong. */
  public enum Kind {
    /** The answer comes after a delay (fixed, or random between two bounds). */
    LATENCY,
    /** 503 in the service's error format ({@code CSBS.0503}). */
    SERVICE_UNAVAILABLE,
    /** 429 {@code APIG.0308}, as the API gateway throttles. */
    THROTTLED,
    /** Any status from 400 to 599 with the service's error body ({@link #error(int)}). */
    ERROR,
    /** The connection is reset (TCP RST) instead of answered. */
    CONNECTION_RESET,
    /** 200 with an empty body. */
    EMPTY_BODY,
    /** 200 whose body stops half-way and whose connection then closes. */
    TRUNCATED_BODY,
    /** The right answer, its body written a few bytes at a time. */
    SLOW_BODY
  }

  /** Until {@link Faults#clear()}. */
  public static final int ALWAYS = -1;
  /** How many headers a fault may add. */
  public static final int MAX_HEADERS = 16;
  /** How long a header value, an error message or an ID to match may be, in characters. */
  public static final int MAX_TEXT = 1024;

  private static final Pattern PROJECT_ID = Pattern.compile(Contract.PROJECT_ID_PATTERN);
  /** RFC 9110 token characters: what a header name is made of. */
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");
  /** Visible ASCII, spaces and tabs: a header value that cannot split the answer. */
  private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7e\\t]*");
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Z]{2,8}\\.[0-9]{4}");

  private final Kind kind;
  private final int times;
  private final String projectId;
  private final String action;
  private final String bodyNames;
  private final Duration delay;
  private final Duration maxDelay;
  private final int status;
  private final String errorCode;
  private final String errorMsg;
  private final String retryAfter;
  private final List<Map.Entry<String, String>> headers;

  private Fault(Kind kind, int times, String projectId, String action, String bodyNames, Duration delay,
      Duration maxDelay, int status, String errorCode, String errorMsg, String retryAfter,
      List<Map.Entry<String, String>> headers) {
    this.kind = kind;
    this.times = times;
    this.projectId = projectId;
    this.action = action;
    this.bodyNames = bodyNames;
    this.delay = delay;
    this.maxDelay = maxDelay;
    this.status = status;
    this.errorCode = errorCode;
    this.errorMsg = errorMsg;
    this.retryAfter = retryAfter;
    this.headers = List.copyOf(headers);
  }

  private static Fault of(Kind kind, Duration delay, Duration maxDelay, int status, String errorCode, String errorMsg) {
    return new Fault(kind, ALWAYS, null, null, null, delay, maxDelay, status, errorCode, errorMsg, null, List.of());
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
    return of(Kind.LATENCY, min, max, 200, null, null);
  }

  /** 503 {@code CSBS.0503} "Service unavailable.", without {@code Retry-After} unless asked. */
  public static Fault serviceUnavailable() {
    return of(Kind.SERVICE_UNAVAILABLE, null, null, 503, ErrorCode.SERVICE_UNAVAILABLE.code(),
        ErrorCode.SERVICE_UNAVAILABLE.message());
  }

  /** 429 {@code APIG.0308}, without {@code Retry-After} unless asked. */
  public static Fault throttled() {
    return of(Kind.THROTTLED, null, null, 429, ErrorCode.THROTTLED.code(), ErrorCode.THROTTLED.message());
  }

  /**
   * Answers {@code status} (400 to 599) with the service's error body: for 503 and 429 their own
   * codes, for other 5xx (500, 502, 504...) {@code CSBS.9999} "check resource capabilities
   * failed", for other 4xx {@code CSBS.9001}; {@link #withErrorBody} sets another.
   */
  public static Fault error(int status) {
    if (status == 503) {
      return new Fault(Kind.ERROR, ALWAYS, null, null, null, null, null, 503, ErrorCode.SERVICE_UNAVAILABLE.code(),
          ErrorCode.SERVICE_UNAVAILABLE.message(), null, List.of());
    }
    if (status == 429) {
      return new Fault(Kind.ERROR, ALWAYS, null, null, null, null, null, 429, ErrorCode.THROTTLED.code(),
          ErrorCode.THROTTLED.message(), null, List.of());
    }
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status: must be 400 to 599, was " + status);
    }
    return status >= 500
        ? of(Kind.ERROR, null, null, status, ErrorCode.INTERNAL.code(), ErrorCode.INTERNAL.message("check resource capabilities"))
        : of(Kind.ERROR, null, null, status, ErrorCode.PARAMETER_INVALID.code(), "refused by a fault of the stand-in");
  }

  /** The connection is reset (TCP RST) with no answer at all. */
  public static Fault connectionReset() {
    return of(Kind.CONNECTION_RESET, null, null, 0, null, null);
  }

  /** 200 with {@code Content-Length: 0}. */
  public static Fault emptyBody() {
    return of(Kind.EMPTY_BODY, null, null, 200, null, null);
  }

  /** 200 and the first half of the right answer's body; then the connection closes. */
  public static Fault truncatedBody() {
    return of(Kind.TRUNCATED_BODY, null, null, 200, null, null);
  }

  /** The answer's body written 8 bytes at a time, {@code pause} apart. */
  public static Fault slowBody(Duration pause) {
    nonNegative("pause", pause);
    return of(Kind.SLOW_BODY, pause, pause, 200, null, null);
  }

  /** Only the next {@code count} matching requests; then the fault is used up. */
  public Fault times(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + count);
    }
    return new Fault(kind, count, projectId, action, bodyNames, delay, maxDelay, status, errorCode, errorMsg, retryAfter,
        headers);
  }

  /** Only requests on this project's path; {@code projectId} is 32 lowercase hex characters, as in a catalog. */
  public Fault forProject(String projectId) {
    Objects.requireNonNull(projectId, "projectId == null");
    if (!PROJECT_ID.matcher(projectId).matches()) {
      throw new IllegalArgumentException("project_id: must be 32 lowercase hex characters");
    }
    return new Fault(kind, times, projectId, action, bodyNames, delay, maxDelay, status, errorCode, errorMsg, retryAfter,
        headers);
  }

  /** Only {@code check_restorable} or only {@code check_protectable} requests (as the parsed body says). */
  public Fault forAction(String action) {
    if (!"check_restorable".equals(action) && !"check_protectable".equals(action)) {
      throw new IllegalArgumentException("action must be check_restorable or check_protectable, was " + action);
    }
    return new Fault(kind, times, projectId, action, bodyNames, delay, maxDelay, status, errorCode, errorMsg, retryAfter,
        headers);
  }

  /**
   * Only requests whose body names {@code id}: any string in it equal to it, such as one
   * checkpoint item's {@code checkpoint_item_id}, a server's {@code resource_id} or a disk's
   * {@code volume_id}.
   */
  public Fault forBodyNaming(String id) {
    text("id", id);
    if (id.isEmpty()) {
      throw new IllegalArgumentException("id: must not be empty");
    }
    return new Fault(kind, times, projectId, action, id, delay, maxDelay, status, errorCode, errorMsg, retryAfter,
        headers);
  }

  /**
   * For error answers: the body's {@code error_code} (such as {@code CSBS.9999} or
   * {@code APIG.0201}; an {@code APIG} code's body also has a {@code request_id}, as the
   * gateway's do) and {@code error_msg}.
   */
  public Fault withErrorBody(String errorCode, String errorMsg) {
    requireError("an error body");
    Objects.requireNonNull(errorCode, "errorCode == null");
    if (!ERROR_CODE.matcher(errorCode).matches()) {
      throw new IllegalArgumentException("error_code: must look like CSBS.9999 or APIG.0201, was "
          + errorCode.substring(0, Math.min(errorCode.length(), 40)));
    }
    text("error_msg", errorMsg);
    return new Fault(kind, times, projectId, action, bodyNames, delay, maxDelay, status, errorCode, errorMsg, retryAfter,
        headers);
  }

  /**
   * For error answers: {@code Retry-After} in seconds. Whole seconds are sent as such
   * ({@code 3}); a part of a second as a decimal ({@code 0.5}), which RFC 9110 does not allow but
   * some services send, for testing how a client copes.
   */
  public Fault withRetryAfter(Duration retryAfter) {
    nonNegative("retryAfter", retryAfter);
    String seconds = retryAfter.getNano() == 0 ? Long.toString(retryAfter.getSeconds())
        : new BigDecimal(retryAfter.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString();
    return withRetryAfterValue(seconds);
  }

  /** For error answers: {@code Retry-After} as an HTTP date ({@code Wed, 21 Oct 2026 07:28:00 GMT}). */
  public Fault withRetryAfter(Instant at) {
    Objects.requireNonNull(at, "at == null");
    return withRetryAfterValue(DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)));
  }

  private Fault withRetryAfterValue(String value) {
    requireError("Retry-After");
    return new Fault(kind, times, projectId, action, bodyNames, delay, maxDelay, status, errorCode, errorMsg, value,
        headers);
  }

  /**
   * One more header on the answer (not on a reset): a name of token characters, a value of
   * visible ASCII, spaces and tabs; at most {@value #MAX_HEADERS}.
   */
  public Fault withHeader(String name, String value) {
    Objects.requireNonNull(name, "name == null");
    if (!HEADER_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("headers: a name must be 1 to 64 token characters, was "
          + name.substring(0, Math.min(name.length(), 64)));
    }
    text("headers." + name, value);
    if (!HEADER_VALUE.matcher(value).matches()) {
      throw new IllegalArgumentException("headers." + name + ": must be visible ASCII, spaces and tabs only");
    }
    if (kind == Kind.CONNECTION_RESET) {
      throw new IllegalStateException("a reset connection sends no headers");
    }
    if (headers.size() >= MAX_HEADERS) {
      throw new IllegalArgumentException("headers: at most " + MAX_HEADERS);
    }
    List<Map.Entry<String, String>> more = new ArrayList<>(headers);
    more.add(Map.entry(name, value));
    return new Fault(kind, times, projectId, action, bodyNames, delay, maxDelay, status, errorCode, errorMsg, retryAfter,
        more);
  }

  /** What goes wrong. */
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

  /** The ID a request's body must name for it to apply, or null for any body. */
  public String bodyNaming() {
    return bodyNames;
  }

  /** For latency: the shortest delay; for a slow body: the pause between writes; else null. */
  public Duration delay() {
    return delay;
  }

  /** For latency: the longest delay; else null or as {@link #delay()}. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** The status it answers with: 200 for the kinds that answer 200, 0 for a reset. */
  public int status() {
    return status;
  }

  /** For error answers: the body's {@code error_code}; else null. */
  public String errorCode() {
    return errorCode;
  }

  /** For error answers: the body's {@code error_msg}; else null. */
  public String errorMsg() {
    return errorMsg;
  }

  /** For error answers: the {@code Retry-After} value to send, or null for none. */
  public String retryAfter() {
    return retryAfter;
  }

  /** The headers it adds to the answer, in order. */
  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /** Whether it applies to a request of this project with this parsed body (null when not JSON). */
  boolean matches(String projectId, JsonNode body) {
    return (this.projectId == null || this.projectId.equals(projectId))
        && (this.action == null || this.action.equals(actionOf(body)))
        && (this.bodyNames == null || names(body, bodyNames));
  }

  /** The action a parsed body asks for: its first key of the two, as the service reads it. */
  static String actionOf(JsonNode body) {
    if (body == null || !body.isObject()) {
      return null;
    }
    for (java.util.Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equals("check_restorable") || name.equals("check_protectable")) {
        return name;
      }
    }
    return null;
  }

  /** Whether any string in the tree equals {@code id}; without recursion, whatever the depth. */
  private static boolean names(JsonNode body, String id) {
    if (body == null) {
      return false;
    }
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(body);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isTextual() && node.textValue().equals(id)) {
        return true;
      }
      node.forEach(pending::push);
    }
    return false;
  }

  @Override
  public String toString() {
    return "Fault[" + kind + (kind == Kind.ERROR ? " " + status : "") + (times == ALWAYS ? "" : " x" + times)
        + (projectId == null ? "" : " project " + projectId) + (action == null ? "" : " " + action)
        + (bodyNames == null ? "" : " naming " + bodyNames)
        + (delay == null ? "" : " " + delay + (delay.equals(maxDelay) ? "" : ".." + maxDelay))
        + (retryAfter == null ? "" : " Retry-After " + retryAfter) + (headers.isEmpty() ? "" : " " + headers) + "]";
  }

  private void requireError(String what) {
    if (kind != Kind.SERVICE_UNAVAILABLE && kind != Kind.THROTTLED && kind != Kind.ERROR) {
      throw new IllegalStateException(what + " belongs to error answers, not to " + kind);
    }
  }

  private static void text(String name, String value) {
    Objects.requireNonNull(value, name + " == null");
    if (value.length() > MAX_TEXT) {
      throw new IllegalArgumentException(name + ": must be at most " + MAX_TEXT + " characters");
    }
  }

  private static void nonNegative(String name, Duration value) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }
}
