package io.github.csbscontract.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the request path, with the same promise as the property tests:
 * a documented status and a body the spec allows, whatever comes in. The fuzzer varies method,
 * path, token, media type and body bytes; HTTP framing stays intact, since a request that is
 * not HTTP never reaches this server's code.
 *
 * <p>Without {@code JAZZER_FUZZ} the test replays the committed inputs in
 * {@code RawRequestFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes (see RELIABILITY.md).
 */
class RawRequestFuzzTest {

  private static final Set<Integer> DOCUMENTED = Set.of(200, 400, 401, 403, 404, 413, 415);
  private static final String[] METHODS = {"POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH"};
  private static final String[] TOKENS = {"demo-token-project-a", "demo-token-project-b", "", "nope"};
  private static final String[] TYPES = {"application/json", "application/json; charset=utf-8", "text/plain", "garbage", ""};

  private static ReferenceServer server;

  @BeforeAll
  static void start() throws Exception {
    server = ReferenceServer.start(ServerOptions.forTests());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // The API's vocabulary: byte mutations alone seldom make JSON, and the parser is not instrumented.
  @DictionaryEntries({"{", "}", "[", "]", ":", ",", "\"", "null", "true", "42", "\"check_restorable\"",
      "\"check_protectable\"", "\"checkpoint_item_id\"", "\"target\"", "\"resource_id\"", "\"resource_type\"",
      "\"volumes\"", "\"backup_id\"", "\"volume_id\"", "\"OS::Nova::Server\"", "\"OS::Ironic::BareMetalServer\"",
      "\"8986ce68-3da7-4d29-9cc2-1921e9504975\"", "\"5aa119a8-d25b-45a7-8d1b-88e127885635\"",
      "\"7ea119a8-d25b-43a7-8d1b-88e12788513a\"", "\"45baf976-c20a-4894-a7c3-c94b7376bf55\"",
      "\"959575fe-0a73-4d03-b43a-2c9fbed3e91c\"", "\"4630de19-bf77-438d-8b9b-7cefad989a70\""})
  @FuzzTest(maxDuration = "5m")
  void requestPath(FuzzedDataProvider data) throws Exception {
    // The one connection this test means to make: to the server under test, on loopback.
    int port = server.baseUri().getPort();
    BugDetectors.allowNetworkConnections((host, to) -> to == port
        && ("127.0.0.1".equals(host) || "localhost".equals(host)));
    String method = data.pickValue(METHODS);
    String path = data.consumeBoolean() ? RawHttp.PATH
        : "/v1/" + segment(data) + "/providers/" + segment(data) + "/resources/" + segment(data);
    String token = data.consumeBoolean() ? data.pickValue(TOKENS) : headerValue(data);
    String type = data.consumeBoolean() ? data.pickValue(TYPES) : headerValue(data);
    byte[] body = data.consumeRemainingAsBytes();

    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: " + token
        + "\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    request.writeBytes(body);
    RawHttp.Answer answer = RawHttp.exchange(port, request.toByteArray());

    assertThat(DOCUMENTED).as("%s %s -> %s %s", method, path, answer.status(), answer.body()).contains(answer.status());
    assertThat(answer.problems(method, path)).isEmpty();
  }

  private static String segment(FuzzedDataProvider data) {
    return URLEncoder.encode(data.consumeString(64), StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Printable ASCII only: a CR or LF would end the header, not test it. */
  private static String headerValue(FuzzedDataProvider data) {
    return data.consumeAsciiString(256).replaceAll("[^\\x20-\\x7e]", "_").strip();
  }
}
