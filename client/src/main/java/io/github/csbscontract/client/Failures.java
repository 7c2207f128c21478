package io.github.csbscontract.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csbscontract.client.model.ErrorResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import retrofit2.Response;

/**
 * What went wrong, as the documented exception: an error answer by its status (with the
 * service's error body, the headers and the attempts made), a failed exchange by its cause (a
 * timeout named with its value, a broken connection, an unreadable body, a token that could not
 * be had, a closed client).
 */
final class Failures {

  private Failures() {}

  /** The exception for an error answer: its status, and the service's error body when there is one. */
  static CsbsHttpException ofAnswer(String context, Response<?> response, CallState state, ObjectMapper mapper) {
    int status = response.code();
    String code = null;
    String msg = null;
    String requestId = null;
    String snippet = "";
    try (okhttp3.ResponseBody body = response.errorBody()) {
      if (body != null) {
        byte[] bytes = BoundedJsonConverterFactory.read(body, BoundedJsonConverterFactory.MAX_ERROR_BYTES, status);
        snippet = BoundedJsonConverterFactory.snippet(bytes);
        if (BoundedJsonConverterFactory.isJson(body.contentType())) {
          ErrorResponse error = mapper.readValue(bytes, ErrorResponse.class);
          code = error.getErrorCode();
          msg = error.getErrorMsg();
          requestId = error.getRequestId();
        }
      }
    } catch (IOException unreadable) {
      // Not the service's error body: the status and the snippet still say what happened. (A
      // body over the bound never gets here: BoundedBodies refused it while reading.)
    }
    HttpFailure failure = new HttpFailure(context, status, code, msg, requestId, snippet,
        headersOf(response.headers()), state.attempts());
    return switch (status) {
      case 400 -> new CsbsBadRequestException(failure);
      case 401, 403 -> new CsbsAuthenticationException(failure);
      case 404 -> new CsbsNotFoundException(failure);
      case 413 -> new CsbsPayloadTooLargeException(failure);
      case 429 -> new CsbsThrottledException(failure, retryAfter(response.headers()));
      default -> status >= 500 ? new CsbsServerException(failure) : new CsbsHttpException(failure);
    };
  }

  private static Duration retryAfter(Headers headers) {
    OptionalLong millis = Retries.retryAfterMillis(headers.get("Retry-After"), System.currentTimeMillis());
    return millis.isPresent() ? Duration.ofMillis(millis.getAsLong()) : null;
  }

  /** Read-only, values in order, names found regardless of case. */
  private static Map<String, List<String>> headersOf(Headers headers) {
    Map<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < headers.size(); i++) {
      values.computeIfAbsent(headers.name(i), name -> new ArrayList<>()).add(headers.value(i));
    }
    values.replaceAll((name, list) -> List.copyOf(list));
    return Collections.unmodifiableMap(values);
  }

  /** The exception for an exchange that brought no usable answer. */
  static CsbsException ofExchange(String context, IOException e, CallState state, OkHttpClient http, long deadlineMillis,
      boolean closed, String baseUrl) {
    if (e instanceof UnreadableBody unreadable) {
      return new CsbsUnreadableResponseException(context, unreadable.status, unreadable.problem, unreadable.snippet,
          Printable.safeCause(e));
    }
    if (e instanceof TokenUnavailable token) {
      return new CsbsTokenException(context + ": " + token.getMessage(), token.getCause());
    }
    if (closed) {
      return new CsbsClientClosedException(context + ": cut off, the client was closed", e);
    }
    String attempts = attempts(state);
    String timeout = state != null && state.hasDeadlinePassed()
        ? "call timeout (" + millis(deadlineMillis) + ")" : timeoutName(e, http);
    if (timeout != null) {
      return new CsbsTimeoutException(context + ": no answer within the " + timeout + ", after " + attempts, e);
    }
    // OkHttp's words about a broken answer quote it (an "Unexpected status line: ..."): escaped.
    Throwable cause = Printable.safeCause(e);
    return new CsbsTransportException(context + ": no answer from " + baseUrl + " after " + attempts + ": " + cause, cause);
  }

  /** Which of OkHttp's per-step timeouts ran out, with its value; null for other failures. */
  private static String timeoutName(IOException e, OkHttpClient http) {
    if (e instanceof SocketTimeoutException) {
      String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      return message.contains("connect")
          ? "connect timeout (" + millis(http.connectTimeoutMillis()) + ")"
          : "read timeout (" + millis(http.readTimeoutMillis()) + ")";
    }
    return null;
  }

  private static String millis(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static String attempts(CallState state) {
    int attempts = state == null ? 1 : Math.max(1, state.attempts());
    return attempts == 1 ? "1 attempt" : attempts + " attempts";
  }
}
