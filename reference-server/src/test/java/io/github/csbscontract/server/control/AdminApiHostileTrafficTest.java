package io.github.csbscontract.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.csbscontract.core.Contract;
import io.github.csbscontract.service.ServiceMapper;
import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The admin API attacked from the loopback host it trusts: pages of other sites (DNS rebinding),
 * floods of faults, catalogs swapped under load. Bounded in count; loopback only.
 */
class AdminApiHostileTrafficTest {

  private static final String PROJECT = "0605767ab000d4c12f3bc0033d9d5d06";
  private static final String OPERATION = "v1/" + PROJECT + "/providers/" + Contract.CSBS_PROVIDER_ID + "/resources/action";
  private static final int ITEMS = 100;

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

  /**
   * Catalog A knows token A and has 100 healthy servers; catalog B revoked token A and has the
   * same servers in ERROR. Swapped back and forth over the admin API while 100-item requests with
   * token A run: each is 401 (admitted under B) or 200 with every item passing (under A), never
   * an answer that starts in one catalog and ends in the other.
   */
  @Test
  void aRequestIsAnsweredFromOneCatalogWhileCatalogsAreSwapped() throws Exception {
    String catalogA = catalog("token-of-catalog-a", "ACTIVE");
    String catalogB = catalog("token-of-catalog-b", "ERROR");
    StringBuilder body = new StringBuilder("{\"check_protectable\":[");
    for (int i = 0; i < ITEMS; i++) {
      body.append(i == 0 ? "" : ",").append("{\"resource_id\":\"").append(serverId(i))
          .append("\",\"resource_type\":\"OS::Nova::Server\"}");
    }
    String request = body.append("]}").toString();
    assertThat(admin("PUT", "catalog", catalogA).statusCode()).isEqualTo(204);

    AtomicBoolean racing = new AtomicBoolean(true);
    AtomicInteger swaps = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      Future<?> swapper = threads.submit(() -> {
        while (racing.get()) {
          int status = admin("PUT", "catalog", swaps.incrementAndGet() % 2 == 0 ? catalogA : catalogB).statusCode();
          assertThat(status).isEqualTo(204);
        }
        return null;
      });
      List<Future<int[]>> clients = new ArrayList<>();
      for (int c = 0; c < 3; c++) {
        clients.add(threads.submit(() -> {
          int[] counts = new int[3]; // passing, revoked, mixed
          for (int i = 0; i < 250; i++) {
            HttpResponse<String> answer = post("token-of-catalog-a", request);
            if (answer.statusCode() == 401) {
              counts[1]++;
              continue;
            }
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode items = ServiceMapper.mapper().readTree(answer.body()).get("protectable");
            int passing = 0;
            for (JsonNode item : items) {
              passing += item.get("result").asBoolean() ? 1 : 0;
            }
            counts[passing == ITEMS ? 0 : 2]++;
          }
          return counts;
        }));
      }
      int[] total = new int[3];
      for (Future<int[]> client : clients) {
        int[] counts = client.get();
        for (int i = 0; i < 3; i++) {
          total[i] += counts[i];
        }
      }
      racing.set(false);
      swapper.get();
      assertThat(total[2]).as("answers mixing the catalogs (of %d passing, %d revoked, %d swaps)", total[0], total[1],
          swaps.get()).isZero();
      assertThat(total[0]).as("answered under catalog A").isPositive();
      assertThat(total[1]).as("refused under catalog B").isPositive();
    } finally {
      racing.set(false);
      threads.shutdownNow();
    }
  }

  /**
   * DNS rebinding: a page of evil.example, its name rebound to 127.0.0.1, makes the browser a
   * loopback client that sends {@code Host: evil.example}. Such requests are refused in the
   * service's error format and change nothing; loopback names and literals pass.
   */
  @ParameterizedTest(name = "Host: {0}")
  @ValueSource(strings = {"evil.example", "evil.example:%d", "127.0.0.1.evil.example", "localhost.evil.example:%d",
      "127.0.0.1.nip.io", "0x7f.0.0.1", "2130706433", "[::ffff:7f00:1]x", "", "[::2]:%d"})
  void aForeignHostIsRefusedEvenFromLoopback(String host) throws Exception {
    RawAnswer refused = raw("POST", "faults", host.formatted(port()), null, "{\"kind\":\"throttled\"}");
    assertThat(refused.status()).as(refused.text()).isIn(400, 403);
    assertThat(refused.text()).contains("\"error_code\":\"");
    assertThat(server.faults().list()).isEmpty();
  }

  @ParameterizedTest(name = "Host: {0}")
  @ValueSource(strings = {"localhost:%d", "127.0.0.1:%d", "127.0.0.1", "[::1]:%d", "LOCALHOST:%d", "127.1.2.3:%d"})
  void loopbackNamesAndLiteralsPass(String host) throws Exception {
    RawAnswer added = raw("POST", "faults", host.formatted(port()), null, "{\"kind\":\"throttled\"}");
    assertThat(added.status()).as(added.text()).isEqualTo(201);
  }

  @ParameterizedTest(name = "Origin: {0}")
  @ValueSource(strings = {"http://evil.example", "null", "http://127.0.0.1.evil.example:%d", "file://", "https://evil.example"})
  void anotherSitesPageIsRefused(String origin) throws Exception {
    RawAnswer refused = raw("PUT", "catalog", "127.0.0.1:" + port(), origin.formatted(port()), "{}");
    assertThat(refused.status()).as(refused.text()).isEqualTo(403);
    assertThat(refused.text()).contains("\"error_code\":\"CSBS.9001\"", "Origin");
    assertThat(raw("DELETE", "faults", "127.0.0.1:" + port(), "http://localhost:" + port(), null).status())
        .as("a page of the stand-in's own origin").isEqualTo(204);
  }

  /** A loop of posts: past the bound a clear 409, and the server serves as before. */
  @Test
  void aFloodOfFaultsStopsAtTheBoundWithAClearRefusal() throws Exception {
    for (int i = 0; i < Faults.CAPACITY; i++) {
      assertThat(admin("POST", "faults", "{\"kind\":\"latency\",\"delay_ms\":1,\"project_id\":\"" + "f".repeat(32) + "\"}")
          .statusCode()).isEqualTo(201);
    }
    HttpResponse<String> refused = admin("POST", "faults", "{\"kind\":\"throttled\"}");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("\"error_code\":\"CSBS.9001\"", "at most " + Faults.CAPACITY);
    assertThat(server.faults().list()).hasSize(Faults.CAPACITY);
    assertThat(post("demo-token-project-a", "{\"check_protectable\":[{\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\","
        + "\"resource_type\":\"OS::Nova::Server\"}]}").statusCode()).isEqualTo(200);
    assertThat(admin("DELETE", "faults", null).statusCode()).isEqualTo(204);
    assertThat(admin("POST", "faults", "{\"kind\":\"throttled\"}").statusCode()).isEqualTo(201);
  }

  /** A fault for a megabyte-long project is no fault any request could match: refused, not stored. */
  @Test
  void aFaultOfOversizedValuesIsRefusedNamingTheField() throws Exception {
    HttpResponse<String> refused = admin("POST", "faults", "{\"kind\":\"throttled\",\"project_id\":\"" + "a".repeat(1000_000) + "\"}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("\"error_code\":\"CSBS.9001\"", "project_id").hasSizeLessThan(300);
    assertThat(server.faults().list()).isEmpty();
  }

  private static int port() {
    return server.baseUri().getPort();
  }

  record RawAnswer(int status, String text) {}

  /** One admin request over a plain socket: HTTP clients do not let a test choose the Host. */
  private static RawAnswer raw(String method, String resource, String host, String origin, String body) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(10_000);
      String request = method + " /_csbs/" + resource + " HTTP/1.1\r\nHost: " + host + "\r\n"
          + (origin == null ? "" : "Origin: " + origin + "\r\n") + "Connection: close\r\n"
          + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n") + "\r\n"
          + (body == null ? "" : body);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new RawAnswer(Integer.parseInt(text.substring(9, 12)), text);
    }
  }

  private static String serverId(int i) {
    return String.format("0e0e0e0e-0000-4000-8000-%012d", i);
  }

  private static String catalog(String token, String status) {
    StringBuilder json = new StringBuilder("{\"projects\":[{\"id\":\"" + PROJECT + "\",\"name\":\"p\",\"tokens\":[\""
        + token + "\"]}],\"backups\":[],\"servers\":[");
    for (int i = 0; i < ITEMS; i++) {
      json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(serverId(i)).append("\",\"project_id\":\"").append(PROJECT)
          .append("\",\"name\":\"s\",\"status\":\"").append(status).append("\",\"type\":\"OS::Nova::Server\",")
          .append("\"availability_zone\":\"eu-de-01\",\"volumes\":[{\"id\":\"")
          .append(String.format("0d0d0d0d-0000-4000-8000-%012d", i))
          .append("\",\"size_gb\":40,\"bootable\":true,\"shareable\":false}]}");
    }
    return json.append("]}").toString();
  }

  private HttpResponse<String> post(String token, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + OPERATION))
        .header("X-Auth-Token", token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> admin(String method, String resource, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + "_csbs/" + resource));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
