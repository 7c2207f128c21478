package io.github.csbscontract.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.github.csbscontract.core.Contract;
import io.github.csbscontract.server.Await;
import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API as a test in another language uses it, every exchange validated against
 * {@code admin-openapi.yaml}; and off unless asked for.
 */
class AdminApiTest {

  private static final String PROJECT = "0605767ab000d4c12f3bc0033d9d5d06";
  private static final String OPERATION = "v1/" + PROJECT + "/providers/" + Contract.CSBS_PROVIDER_ID + "/resources/action";
  private static final String PROTECT = "{\"check_protectable\":[{\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\","
      + "\"resource_type\":\"OS::Nova::Server\"}]}";
  private static final OpenApiInteractionValidator ADMIN_SPEC = OpenApiInteractionValidator
      .createForInlineApiSpecification(resource("io/github/csbscontract/spec/admin-openapi.yaml")).build();

  private static ReferenceServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws Exception {
    server = ReferenceServer.start(ServerOptions.forTests().withAdmin(true));
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
  void aFaultAddedOverHttpAppliesAndIsListedUntilUsedUp() throws Exception {
    HttpResponse<String> added = admin("POST", "faults", "{\"kind\":\"service_unavailable\",\"times\":1,\"retry_after_s\":2}");
    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(added.body()).isEqualTo("{\"kind\":\"service_unavailable\",\"times\":1,\"retry_after_s\":2}");
    assertThat(admin("GET", "faults", null).body()).contains("service_unavailable");

    HttpResponse<String> refused = operation();
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(operation().statusCode()).isEqualTo(200);
    assertThat(admin("GET", "faults", null).body()).isEqualTo("{\"faults\":[]}");
  }

  @Test
  void anErrorOfAnyStatusWithItsHeadersForOneCheckpointItem() throws Exception {
    String fault = "{\"kind\":\"error\",\"status\":504,\"retry_after\":\"Wed, 21 Oct 2026 07:28:00 GMT\","
        + "\"headers\":{\"X-Test\":\"one\"},\"body_naming\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\"}";
    HttpResponse<String> added = admin("POST", "faults", fault);
    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(added.body()).isEqualTo("{\"kind\":\"error\",\"status\":504,\"body_naming\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\","
        + "\"retry_after\":\"Wed, 21 Oct 2026 07:28:00 GMT\",\"headers\":{\"X-Test\":\"one\"}}");

    HttpResponse<String> refused = operation();
    assertThat(refused.statusCode()).isEqualTo(504);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("Wed, 21 Oct 2026 07:28:00 GMT");
    assertThat(refused.headers().firstValue("X-Test")).hasValue("one");
    assertThat(refused.body()).startsWith("{\"error_code\":\"CSBS.9999\"");

    assertThat(admin("POST", "faults", "{\"kind\":\"error\",\"status\":200}").body()).contains("status: must be 400 to 599");
    assertThat(admin("POST", "faults", "{\"kind\":\"latency\",\"retry_after_ms\":5}").body()).contains("Retry-After belongs to error answers");
    assertThat(admin("POST", "faults", "{\"kind\":\"error\",\"status\":500,\"headers\":{\"X\":\"a\\r\\nb\"}}").body())
        .contains("headers.X: must be visible ASCII");
  }

  @Test
  void faultsAreClearedOverHttp() throws Exception {
    admin("POST", "faults", "{\"kind\":\"throttled\"}");
    assertThat(admin("DELETE", "faults", null).statusCode()).isEqualTo(204);
    assertThat(operation().statusCode()).isEqualTo(200);
  }

  @Test
  void theRequestsReceivedAreListedWithoutTheToken() throws Exception {
    operation();
    HttpResponse<String> requests = admin("GET", "requests", null);
    assertThat(requests.body()).contains("\"method\":\"POST\"", "\"status\":200", "\"x-auth-token\":[\"<redacted>\"]",
        "\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\"").doesNotContain("demo-token-project-a");
    assertThat(admin("DELETE", "requests", null).statusCode()).isEqualTo(204);
    assertThat(admin("GET", "requests", null).body()).isEqualTo("{\"requests\":[]}");
  }

  @Test
  void aCatalogSentOverHttpIsAnsweredFromAndABrokenOneIsRefusedNamingTheProblem() throws Exception {
    String mine = "{\"projects\":[{\"id\":\"" + PROJECT + "\",\"name\":\"mine\",\"tokens\":[\"my-test-token-1\"]}],"
        + "\"servers\":[],\"backups\":[]}";
    assertThat(admin("PUT", "catalog", mine).statusCode()).isEqualTo(204);
    assertThat(operation().statusCode()).as("the demo token is no longer known").isEqualTo(401);

    HttpResponse<String> broken = admin("PUT", "catalog", "{\"projects\":[],\"servers\":[{\"id\":42}],\"backups\":[]}");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("\"error_code\":\"CSBS.9001\"", "$.servers[0]");

    assertThat(admin("DELETE", "catalog", null).statusCode()).isEqualTo(204);
    assertThat(operation().statusCode()).isEqualTo(200);
  }

  @Test
  void aCatalogOfTheWrongShapeIsRefusedInJsonTermsNotJavaOnes() throws Exception {
    for (String body : List.of("[" + "[".repeat(5000) + "]".repeat(5000) + "]", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
        "{\"projects\":\"all\",\"servers\":[],\"backups\":[]}", "{\"projects\":[],\"servers\":[],\"backups\":[],\"extra\":1}",
        "{\"projects\":[{\"id\":[\"x\"],\"name\":\"n\",\"tokens\":[]}],\"servers\":[],\"backups\":[]}", "42")) {
      HttpResponse<String> refused = admin("PUT", "catalog", body);
      assertThat(refused.statusCode()).as(body).isEqualTo(400);
      assertThat(refused.body()).as(body).contains("\"error_code\":\"CSBS.9001\"")
          .doesNotContain("java.", "io.github", "com.fasterxml", "`", "class ", "DeserializationFeature");
    }
    assertThat(admin("PUT", "catalog", "{\"projects\":[],\"servers\":[],\"backups\":[],\"extra\":1}").body())
        .contains("unknown field \\\"extra\\\"");
    assertThat(operation().statusCode()).as("the demo catalog is still served").isEqualTo(200);
  }

  @Test
  void theRequestListGoesToOneClientAtATimeSoReadersThatNeverReadCannotFillTheHeap() throws Exception {
    // Control characters: the answer is six bytes for each, megabytes for a few recorded bodies.
    String controls = "\u0001".repeat(60_000);
    for (int i = 0; i < 40; i++) {
      server.requests().add(new RecordedRequest("POST", "/" + i, java.util.Map.of(), null, controls, 400));
    }
    try (java.net.Socket stalled = new java.net.Socket()) {
      stalled.setReceiveBufferSize(4096);
      stalled.connect(new java.net.InetSocketAddress("127.0.0.1", server.baseUri().getPort()));
      stalled.getOutputStream().write("GET /_csbs/requests HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      // It reads the first bytes only: the rest of its answer waits in the server.
      assertThat(stalled.getInputStream().readNBytes(12)).asString(StandardCharsets.US_ASCII).isEqualTo("HTTP/1.1 200");

      HttpResponse<String> busy = admin("GET", "requests", null);
      assertThat(busy.statusCode()).isEqualTo(503);
      assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(busy.body()).contains("\"error_code\":\"CSBS.0503\"");
    }
    Await.until("the list free again once the stalled reader is gone", () -> http.send(
        HttpRequest.newBuilder(server.baseUri().resolve("_csbs/requests")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }

  @Test
  void aLatencyWhoseMaximumIsBelowItsDelayIsRefusedNamingTheField() throws Exception {
    HttpResponse<String> refused = admin("POST", "faults", "{\"kind\":\"latency\",\"delay_ms\":5,\"max_delay_ms\":1}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("\"error_code\":\"CSBS.9001\"", "max_delay_ms: must not be less than delay_ms");
    assertThat(server.faults().list()).isEmpty();
  }

  @Test
  void badAdminRequestsGetTheServicesErrorBody() throws Exception {
    for (String body : List.of("{\"kind\":\"meteor\"}", "{\"kind\":\"latency\",\"delay_ms\":-1}", "{\"kind\":\"throttled\",\"times\":0}",
        "{\"kind\":\"latency\",\"retry_after_s\":1}", "{\"kind\":\"throttled\",\"action\":\"delete_everything\"}",
        "{\"kind\":\"throttled\",\"x\":1}", "[]", "not json", "{\"kind\":null}", "{\"kind\":\"throttled\",\"times\":1e99}")) {
      HttpResponse<String> refused = admin("POST", "faults", body);
      assertThat(refused.statusCode()).as(body).isEqualTo(400);
      assertThat(refused.body()).as(body).contains("\"error_code\":\"CSBS.9001\"");
    }
    assertThat(admin("PATCH", "faults", "{}").statusCode()).isEqualTo(405);
    assertThat(admin("GET", "nothing-here", null).statusCode()).isEqualTo(404);
    assertThat(server.faults().list()).isEmpty();
  }

  @Test
  void withoutTheOptionThereIsNoAdminApi() throws Exception {
    try (ReferenceServer plain = ReferenceServer.start(ServerOptions.forTests())) {
      for (String path : List.of("_csbs/faults", "_csbs/requests", "_csbs/catalog")) {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(plain.baseUri().resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("\"error_code\":\"APIG.0101\"");
      }
      HttpResponse<String> post = http.send(HttpRequest.newBuilder(plain.baseUri().resolve("_csbs/faults"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"throttled\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(404);
      assertThat(plain.faults().list()).isEmpty();
    }
  }

  private HttpResponse<String> operation() throws Exception {
    return http.send(HttpRequest.newBuilder(server.baseUri().resolve(OPERATION))
        .header("X-Auth-Token", "demo-token-project-a").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(PROTECT)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An admin exchange, request and answer checked against admin-openapi.yaml. */
  private HttpResponse<String> admin(String method, String resource, String body) throws Exception {
    String path = "/_csbs/" + resource;
    HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path.substring(1)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> answer = http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (resource.matches("faults|requests|catalog") && !method.equals("PATCH")) {
      SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.statusCode());
      answer.headers().firstValue("Content-Type").ifPresent(response::withContentType);
      if (!answer.body().isEmpty()) {
        response.withBody(answer.body());
      }
      ValidationReport report = ADMIN_SPEC.validateResponse(path, Request.Method.valueOf(method), response.build());
      assertThat(report.getMessages()).as("%s %s -> %s %s", method, path, answer.statusCode(), answer.body()).isEmpty();
      if (answer.statusCode() < 300 && body != null) {
        SimpleRequest.Builder sent = new SimpleRequest.Builder(method, path).withContentType("application/json").withBody(body);
        assertThat(ADMIN_SPEC.validateRequest(sent.build()).getMessages()).as("the spec accepts %s", body).isEmpty();
      }
    }
    return answer;
  }

  private static String resource(String name) {
    try (InputStream in = AdminApiTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(name, e);
    }
  }
}
