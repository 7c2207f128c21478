package io.github.csbscontract.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.client.CsbsBadRequestException;
import io.github.csbscontract.client.CsbsValidationException;
import io.github.csbscontract.client.RetryPolicy;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The spec-driven negative suite: every {@link SpecVariants variant} of the documented request
 * examples gets one verdict from the spec's validator, the reference server and the client:
 * invalid under the spec exactly when the server answers 400 {@code CSBS.9001} naming the field;
 * the client refuses it unsent, naming the field, when it breaks what the documents forbid, and
 * sends it when it breaks only a contract choice (the real service may accept that; the server
 * here refuses it, naming the field); valid exactly when the server answers 200 and the client
 * sends it. A variant the client's types cannot carry (a
 * number where a string belongs, an unknown field, both actions) is refused by the compiler of
 * any program that uses the client, so only the server and the spec judge it.
 */
class SpecNegativeSuiteTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PROJECT = "0605767ab000d4c12f3bc0033d9d5d06";
  private static final String PATH = "/v1/" + PROJECT + "/providers/" + Contract.CSBS_PROVIDER_ID + "/resources/action";
  private static final Map<String, String> HEADERS =
      Map.of(Contract.TOKEN_HEADER, "demo-token-project-a", "Content-Type", "application/json");
  private static final AtomicInteger INVALID = new AtomicInteger();
  private static final AtomicInteger VALID = new AtomicInteger();
  private static final AtomicInteger THROUGH_THE_CLIENT = new AtomicInteger();
  private static final AtomicInteger CHOICES_SENT = new AtomicInteger();

  private static ReferenceServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws Exception {
    server = ReferenceServer.start(ServerOptions.forTests().withRecording(true));
  }

  @AfterAll
  static void stop() {
    server.close();
    System.out.printf("spec-driven negative suite: %d variants, %d invalid under the spec, %d valid; %d also through"
        + " the client%n", INVALID.get() + VALID.get(), INVALID.get(), VALID.get(), THROUGH_THE_CLIENT.get());
    assertThat(THROUGH_THE_CLIENT.get()).as("variants the client's types can carry").isGreaterThan(100);
    assertThat(CHOICES_SENT.get()).as("variants breaking only a contract choice, which the client sends").isGreaterThan(10);
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
      Optional<ClientCases.FacadeRequest> facade = expressible(variant.body());
      if (facade.isPresent()) {
        THROUGH_THE_CLIENT.incrementAndGet();
        throughTheClient(facade.get(), specProblems.isEmpty(), variant.field());
      }
    }));
  }

  /** The client's items for this body, if they carry it exactly. */
  private static Optional<ClientCases.FacadeRequest> expressible(JsonNode body) {
    if (body.size() != 1 || !body.elements().next().isArray()) {
      return Optional.empty();
    }
    return ClientCases.FacadeRequest.of(body).filter(request -> request.wire().equals(body));
  }

  private static void throughTheClient(ClientCases.FacadeRequest request, boolean valid, String field) {
    server.requests().clear();
    try (CsbsClient client = CsbsClient.builder().baseUrl(server.baseUri().toString()).projectId(PROJECT)
        .token("demo-token-project-a").retryPolicy(RetryPolicy.none()).build()) {
      if (valid) {
        assertThat(request.send(client)).as("the spec accepts it, so the client sends it").isNotEmpty();
        assertThat(server.requests().all()).hasSize(1);
      } else {
        Throwable refused = catchThrowable(() -> request.send(client));
        if (refused instanceof CsbsValidationException unsent) {
          assertThat(unsent.violations()).as("the client refuses what the documents forbid, naming the field")
              .anySatisfy(violation -> assertThat(violation).startsWith(field));
          assertThat(server.requests().all()).as("nothing sent").isEmpty();
        } else {
          CHOICES_SENT.incrementAndGet();
          assertThat(refused).as("a contract choice only: the client sends it and the server refuses it")
              .isInstanceOfSatisfying(CsbsBadRequestException.class, answer -> {
                assertThat(answer.errorCode()).isEqualTo("CSBS.9001");
                assertThat(answer.errorMsg()).startsWith(field);
              });
          assertThat(server.requests().all()).hasSize(1);
        }
      }
    }
  }

  private HttpResponse<String> post(String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + PATH.substring(1)));
    HEADERS.forEach(request::header);
    return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
