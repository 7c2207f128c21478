package io.github.csbscontract.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One request as the server received it on the operation's path: what the code under test sent.
 * The token's value is never kept: {@code X-Auth-Token} reads {@value #REDACTED}.
 *
 * @param method the HTTP method
 * @param path the path, query included
 * @param headers every header, names in lower case, values in order
 * @param body the body as JSON, or null when there was none, it was not JSON or it was over 64 KiB
 * @param rawBody the body as text (its first 64 KiB), or null when none was read
 * @param status the status line the server sent (a body cut short by a fault still counts), 0 when
 *     the connection closed before one
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, JsonNode body,
    String rawBody, int status) {

  public static final String REDACTED = "<redacted>";

  public RecordedRequest {
    headers = Map.copyOf(headers);
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** {@code check_restorable} or {@code check_protectable}, or null when the body names neither. */
  public String action() {
    if (body == null || !body.isObject()) {
      return null;
    }
    return body.has("check_restorable") ? "check_restorable" : body.has("check_protectable") ? "check_protectable" : null;
  }
}
