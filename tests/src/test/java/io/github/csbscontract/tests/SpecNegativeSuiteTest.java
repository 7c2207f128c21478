package io.github.csbscontract.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csbscontract.core.Contract;
import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import io.github.csbscontract.spec.SpecContract;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The spec-driven negative suite: every {@link SpecVariants variant} of the documented request
 * examples gets one verdict from the spec's validator and the reference server: invalid under
 * the spec exactly when the server answers 400 {@code CSBS.9001} naming the field; valid
 * exactly when the server answers 200.
 */
class SpecNegativeSuiteTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PROJECT = "0605767ab000d4c12f3bc0033d9d5d06";
  private static final String PATH = "/v1/" + PROJECT + "/providers/" + Contract.CSBS_PROVIDER_ID + "/resources/action";
  private static final Map<String, String> HEADERS =
      Map.of(Contract.TOKEN_HEADER, "demo-token-project-a", "Content-Type", "application/json");
  private static final AtomicInteger INVALID = new AtomicInteger();
  private static final AtomicInteger VALID = new AtomicInteger();

  private static ReferenceServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws Exception {
    server = ReferenceServer.start(ServerOptions.forTests());
  }

  @AfterAll
  static void stop() {
    server.close();
    System.out.printf("spec-driven negative suite: %d variants, %d invalid under the spec, %d valid%n",
        INVALID.get() + VALID.get(), INVALID.get(), VALID.get());
    assertThat(INVALID.get()).as("variants the spec refuses").isGreaterThan(200);
    assertThat(VALID.get()).as("variants the spec accepts").isGreaterThan(10);
  }

  @TestFactory
  Stream<DynamicTest> specAndServerGiveEveryVariantTheSameVerdict() {
    List<SpecVariants.Variant> variants = SpecVariants.all();
    return variants.stream().map(variant -> DynamicTest.dynamicTest(variant.description(), () -> {
      String body = MAPPER.writeValueAsString(variant.body());
      List<String> specProblems = SpecContract.requestProblems("POST", PATH, HEADERS, body);
      HttpResponse<String> answer = post(body);
      SpecContract.assertValidResponse("POST", PATH, answer.statusCode(),
          answer.headers().firstValue("Content-Type").orElse(null), answer.body());
      if (specProblems.isEmpty()) {
        VALID.incrementAndGet();
        assertThat(answer.statusCode()).as("the spec accepts it, so must the server: %s", answer.body()).isEqualTo(200);
      } else {
        INVALID.incrementAndGet();
        JsonNode error = MAPPER.readTree(answer.body());
        assertThat(answer.statusCode()).as("the spec refuses it (%s), so must the server", specProblems).isEqualTo(400);
        assertThat(error.path("error_code").asText()).isEqualTo("CSBS.9001");
        assertThat(error.path("error_msg").asText()).as("the refusal names the field").startsWith(variant.field());
      }
    }));
  }

  private HttpResponse<String> post(String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + PATH.substring(1)));
    HEADERS.forEach(request::header);
    return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
