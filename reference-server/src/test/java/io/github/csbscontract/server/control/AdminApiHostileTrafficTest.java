package io.github.csbscontract.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.csbscontract.core.Contract;
import io.github.csbscontract.jaxrs.ServiceJson;
import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * The admin API attacked from the loopback host it trusts: catalogs swapped under load. Bounded
 * in count; loopback only.
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
            JsonNode items = ServiceJson.mapper().readTree(answer.body()).get("protectable");
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
