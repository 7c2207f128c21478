package io.github.csbscontract.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csbscontract.core.Contract;
import io.github.csbscontract.rules.ServerStatus;
import io.github.csbscontract.server.Await;
import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import io.github.csbscontract.catalog.CatalogBuilder;
import io.github.csbscontract.catalog.CatalogException;
import io.github.csbscontract.catalog.CatalogLoader;
import io.github.csbscontract.spec.SpecContract;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The test controls on the wire: each fault as a client meets it, requests recorded without the
 * token, catalogs built in code and swapped while serving.
 */
class ControlsTest {

  private static final String PROJECT_A = "0605767ab000d4c12f3bc0033d9d5d06";
  private static final String PROJECT_B = "5b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e";
  private static final String PROTECT = "{\"check_protectable\":[{\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\","
      + "\"resource_type\":\"OS::Nova::Server\"}]}";
  private static final String RESTORE = "{\"check_restorable\":[{\"checkpoint_item_id\":\"8986ce68-3da7-4d29-9cc2-1921e9504975\","
      + "\"target\":{\"resource_type\":\"OS::Nova::Server\",\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\","
      + "\"volumes\":[{\"backup_id\":\"7ea119a8-d25b-43a7-8d1b-88e12788513a\",\"volume_id\":\"45baf976-c20a-4894-a7c3-c94b7376bf55\"}]}}]}";

  private static ReferenceServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws Exception {
    server = ReferenceServer.start(ServerOptions.forTests().withRecording(true));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void reset() {
    server.faults().clear();
    server.requests().clear();
    server.resetCatalog();
  }

  @Test
  void serviceUnavailableTwiceWithRetryAfterThenCorrectAnswers() throws Exception {
    server.faults().add(Fault.serviceUnavailable().withRetryAfter(Duration.ofSeconds(3)).times(2));

    for (int i = 0; i < 2; i++) {
      HttpResponse<String> refused = post(PROJECT_A, "demo-token-project-a", PROTECT);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("3");
      assertThat(refused.body()).contains("\"error_code\":\"");
    }
    assertThat(post(PROJECT_A, "demo-token-project-a", PROTECT).statusCode()).isEqualTo(200);
    assertThat(server.faults().list()).isEmpty();
  }

  @Test
  void throttlingIs429WithTheGatewaysCode() throws Exception {
    server.faults().add(Fault.throttled().times(1));

    HttpResponse<String> throttled = post(PROJECT_A, "demo-token-project-a", PROTECT);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isEmpty();
    assertThat(throttled.body()).contains("\"error_code\":\"APIG.0308\"");
  }

  @Test
  void latencyDelaysTheRightAnswer() throws Exception {
    server.faults().add(Fault.latency(Duration.ofMillis(300)).times(1));

    long started = System.nanoTime();
    HttpResponse<String> late = post(PROJECT_A, "demo-token-project-a", PROTECT);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(late.statusCode()).isEqualTo(200);
    assertThat(late.body()).contains("\"protectable\"");
  }

  @Test
  void aFaultForOneProjectOrActionLeavesTheOthersAlone() throws Exception {
    server.faults().add(Fault.serviceUnavailable().forProject(PROJECT_B));
    server.faults().add(Fault.throttled().forAction("check_restorable"));

    assertThat(post(PROJECT_B, "demo-token-project-b", PROTECT).statusCode()).isEqualTo(503);
    assertThat(post(PROJECT_A, "demo-token-project-a", PROTECT).statusCode()).isEqualTo(200);
    assertThat(post(PROJECT_A, "demo-token-project-a", RESTORE).statusCode()).isEqualTo(429);
    assertThat(server.faults().list()).hasSize(2);
  }

  @Test
  void aRefusedTokenIsRefusedBeforeAnyFault() throws Exception {
    server.faults().add(Fault.serviceUnavailable());
    assertThat(post(PROJECT_A, "not-a-token", PROTECT).statusCode()).isEqualTo(401);
  }

  @Test
  void aResetConnectionIsNotAnswered() throws Exception {
    server.faults().add(Fault.connectionReset().times(1));
    try (Socket socket = raw(PROTECT)) {
      InputStream in = socket.getInputStream();
      assertThat(readOrReset(in)).as("reset or end of stream, no status line").isEmpty();
    }
  }

  @Test
  void anEmptyBodyIs200WithNothingInIt() throws Exception {
    server.faults().add(Fault.emptyBody().times(1));
    HttpResponse<String> empty = post(PROJECT_A, "demo-token-project-a", PROTECT);
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).isEmpty();
  }

  @Test
  void aTruncatedBodyStopsHalfWayAndTheConnectionCloses() throws Exception {
    server.faults().add(Fault.truncatedBody().times(1));
    try (Socket socket = raw(PROTECT)) {
      String answer = readOrReset(socket.getInputStream());
      int length = Integer.parseInt(answer.replaceAll("(?s).*content-length: (\\d+).*", "$1"));
      String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
      assertThat(answer).startsWith("http/1.1 200");
      assertThat(body.length()).isEqualTo(length / 2).isLessThan(length);
    }
  }

  @Test
  void aSlowBodyArrivesAFewBytesAtATime() throws Exception {
    server.faults().add(Fault.slowBody(Duration.ofMillis(20)).times(1));
    long started = System.nanoTime();
    HttpResponse<String> slow = post(PROJECT_A, "demo-token-project-a", PROTECT);
    assertThat(slow.statusCode()).isEqualTo(200);
    int writes = (slow.body().length() + 7) / 8;
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(20L * (writes - 1)));
    SpecContract.assertValidResponse("POST", path(PROJECT_A), 200, "application/json", slow.body());
  }

  @Test
  void requestsAreRecordedWithoutTheTokensValue() throws Exception {
    post(PROJECT_A, "demo-token-project-a", PROTECT);
    post(PROJECT_A, "not-a-token", PROTECT);

    assertThat(server.requests().all()).hasSize(2);
    RecordedRequest first = server.requests().all().get(0);
    assertThat(first.method()).isEqualTo("POST");
    assertThat(first.path()).isEqualTo(path(PROJECT_A));
    assertThat(first.header(Contract.TOKEN_HEADER)).isEqualTo(RecordedRequest.REDACTED);
    assertThat(first.header("content-type")).isEqualTo("application/json");
    assertThat(first.action()).isEqualTo("check_protectable");
    assertThat(first.body().at("/check_protectable/0/resource_id").asText()).isEqualTo("5aa119a8-d25b-45a7-8d1b-88e127885635");
    assertThat(first.status()).isEqualTo(200);
    assertThat(server.requests().all().get(1).status()).isEqualTo(401);
    assertThat(server.requests().all().toString()).doesNotContain("demo-token-project-a", "not-a-token");
  }

  @Test
  void aRequestStillInFlightWhenTheLogIsClearedIsNotRecordedAfterwards() throws Exception {
    server.faults().add(Fault.latency(Duration.ofMillis(300)).times(1));
    try (Socket earlier = raw(PROTECT, "Connection: close\r\n")) {
      // The fault used up: the request is waiting out its delay. The next test begins now.
      Await.until("the request took its fault", () -> server.faults().list().isEmpty());
      server.requests().clear();
      assertThat(readOrReset(earlier.getInputStream())).as("the delayed answer went out").startsWith("http/1.1 200");
    }
    post(PROJECT_A, "demo-token-project-a", RESTORE);

    assertThat(server.requests().all()).extracting(RecordedRequest::action).containsExactly("check_restorable");
  }

  @Test
  void aRequestItsClientAbandonedIsRecordedUnanswered() throws Exception {
    server.faults().add(Fault.latency(Duration.ofSeconds(2)).times(1));
    raw(PROTECT).close();

    Await.until("the request recorded", () -> !server.requests().all().isEmpty());
    assertThat(server.requests().all()).extracting(RecordedRequest::status).containsExactly(0);
  }

  @Test
  void aCatalogBuiltInCodeIsAnsweredFromAndTheStartingOneComesBack() throws Exception {
    String mine = "ffffffffffffffffffffffffffffffff";
    server.useCatalog(CatalogBuilder.empty()
        .project(mine, p -> p.token("my-test-token-1"))
        .server("5aa119a8-d25b-45a7-8d1b-88e127885635", s -> s.status(ServerStatus.ERROR)
            .systemDisk("45baf976-c20a-4894-a7c3-c94b7376bf55", 40))
        .build());

    HttpResponse<String> answer = post(mine, "my-test-token-1", PROTECT);
    assertThat(answer.body()).contains("\"error_code\":\"CSBS.6006\"");
    assertThat(post(PROJECT_A, "demo-token-project-a", PROTECT).statusCode()).as("the demo token is gone").isEqualTo(401);

    server.resetCatalog();
    assertThat(post(PROJECT_A, "demo-token-project-a", PROTECT).statusCode()).isEqualTo(200);
  }

  @Test
  void aCatalogBuiltInCodeIsCheckedLikeAFile() {
    assertThatThrownBy(() -> CatalogBuilder.empty()
        .project("NOT-HEX", p -> p.token("short"))
        .server("5aa119a8-d25b-45a7-8d1b-88e127885635", s -> s.project("ffffffffffffffffffffffffffffffff"))
        .build())
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("catalog built in code")
        .hasMessageContaining("$.projects[0].id: must be 32 lowercase hex characters")
        .hasMessageContaining("$.projects[0].tokens[0]: must be 8 to 4096 characters")
        .hasMessageContaining("$.servers[0].project_id: unknown project");
  }

  @Test
  void theDemoCatalogCanBeExtendedInCode() throws Exception {
    server.useCatalog(CatalogBuilder.from(CatalogLoader.demo())
        .server("0e0e0e0e-0000-4000-8000-000000000001", s -> s.dataDisk("0e0e0e0e-0000-4000-8000-000000000002", 10))
        .build());
    String body = PROTECT.replace("5aa119a8-d25b-45a7-8d1b-88e127885635", "0e0e0e0e-0000-4000-8000-000000000001");
    assertThat(post(PROJECT_A, "demo-token-project-a", body).body()).contains("\"result\":true");
    assertThat(post(PROJECT_A, "demo-token-project-a", PROTECT).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"500, CSBS.9999", "502, CSBS.9999", "504, CSBS.9999", "400, CSBS.9001", "429, APIG.0308", "503, CSBS.0503"})
  void anyErrorStatusIsAnsweredWithTheServicesErrorBody(int status, String code) throws Exception {
    server.faults().add(Fault.error(status).times(1));
    HttpResponse<String> refused = send(PROJECT_A, PROTECT);
    assertThat(refused.statusCode()).isEqualTo(status);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(refused.body()).startsWith("{\"error_code\":\"" + code + "\",\"error_msg\":\"");
    assertThat(send(PROJECT_A, PROTECT).statusCode()).isEqualTo(200);
  }

  @Test
  void anErrorBodyOfTheTestsChoosing() throws Exception {
    server.faults().add(Fault.error(502).withErrorBody("APIG.0202", "Backend unavailable").times(1));
    HttpResponse<String> refused = send(PROJECT_A, PROTECT);
    assertThat(refused.statusCode()).isEqualTo(502);
    assertThat(refused.body()).startsWith("{\"error_code\":\"APIG.0202\",\"error_msg\":\"Backend unavailable\",\"request_id\":\"");
  }

  @Test
  void retryAfterAsAnHttpDateAndBelowOneSecond() throws Exception {
    server.faults().add(Fault.serviceUnavailable().withRetryAfter(java.time.Instant.parse("2026-10-21T07:28:00Z")).times(1));
    server.faults().add(Fault.error(504).withRetryAfter(Duration.ofMillis(250)).times(1));
    assertThat(send(PROJECT_A, PROTECT).headers().firstValue("Retry-After")).hasValue("Wed, 21 Oct 2026 07:28:00 GMT");
    assertThat(send(PROJECT_A, PROTECT).headers().firstValue("Retry-After")).hasValue("0.25");
  }

  @Test
  void headersOfTheTestsChoosingOnAnyAnswer() throws Exception {
    server.faults().add(Fault.latency(Duration.ofMillis(1)).withHeader("X-Request-Id", "req-42")
        .withHeader("Warning", "199 - \"test\"").times(1));
    HttpResponse<String> late = send(PROJECT_A, PROTECT);
    assertThat(late.statusCode()).isEqualTo(200);
    assertThat(late.headers().firstValue("X-Request-Id")).hasValue("req-42");
    assertThat(late.headers().firstValue("Warning")).hasValue("199 - \"test\"");
    assertThatThrownBy(() -> Fault.throttled().withHeader("X-Split", "a\r\nSet-Cookie: b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("headers.X-Split");
  }

  @Test
  void aFaultForOneCheckpointItemLeavesRequestsForOthersAlone() throws Exception {
    server.faults().add(Fault.error(504).forBodyNaming("8986ce68-3da7-4d29-9cc2-1921e9504975"));
    assertThat(send(PROJECT_A, RESTORE).statusCode()).isEqualTo(504);
    assertThat(send(PROJECT_A, RESTORE.replace("8986ce68-3da7-4d29-9cc2-1921e9504975", "e14c1d7e-8448-4709-af4d-6ee6dda4dd1e"))
        .statusCode()).isEqualTo(200);
  }

  /** The action is the parsed body's: an escaped key names the same action as a plain one. */
  @Test
  void anActionFaultMatchesTheParsedActionNotItsBytes() throws Exception {
    server.faults().add(Fault.throttled().forAction("check_restorable"));
    assertThat(send(PROJECT_A, RESTORE.replace("check_restorable", "check\\u005frestorable")).statusCode()).isEqualTo(429);
    assertThat(send(PROJECT_A, "{\"check_protectable\":[{\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\","
        + "\"resource_type\":\"OS::Nova::Server\",\"note\":\"\\\"check_restorable\\\"\"}]}").statusCode())
        .as("the other action, whose body holds the key's bytes in a value").isNotEqualTo(429);
  }

  /** A request as any client sends it, its answer not held to the spec (a test may ask for any status). */
  private HttpResponse<String> send(String project, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path(project).substring(1)))
        .header("X-Auth-Token", "demo-token-project-a").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String project, String token, String body) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path(project).substring(1)))
        .header("X-Auth-Token", token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (!answer.body().isEmpty()) {
      SpecContract.assertValidResponse("POST", path(project), answer.statusCode(),
          answer.headers().firstValue("Content-Type").orElse(null), answer.body());
    }
    return answer;
  }

  private static String path(String project) {
    return "/v1/" + project + "/providers/" + Contract.CSBS_PROVIDER_ID + "/resources/action";
  }

  private static Socket raw(String body) throws IOException {
    return raw(body, "");
  }

  private static Socket raw(String body, String headers) throws IOException {
    Socket socket = new Socket("127.0.0.1", server.baseUri().getPort());
    socket.setSoTimeout(5_000);
    socket.getOutputStream().write(("POST " + path(PROJECT_A) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: demo-token-project-a\r\n"
        + headers + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
    return socket;
  }

  /** Everything until the server closes (or resets) the connection, header names in lower case. */
  private static String readOrReset(InputStream in) throws IOException {
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[4096];
    try {
      int n;
      while ((n = in.read(buffer)) > 0) {
        text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
      }
    } catch (SocketException reset) {
      // what a reset looks like from here
    }
    String all = text.toString();
    int split = all.indexOf("\r\n\r\n");
    return split < 0 ? all : all.substring(0, split).toLowerCase(java.util.Locale.ROOT) + all.substring(split);
  }
}
