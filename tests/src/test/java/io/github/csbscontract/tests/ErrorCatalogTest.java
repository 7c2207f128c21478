package io.github.csbscontract.tests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.client.CsbsHttpException;
import io.github.csbscontract.client.RestoreItem;
import io.github.csbscontract.client.RetryPolicy;
import io.github.csbscontract.spec.ErrorCatalog;
import io.github.csbscontract.spec.ErrorCatalog.Entry;
import io.github.csbscontract.spec.ErrorCatalog.Where;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spec's error catalog against the contract cases (each entry has a case, each case's error
 * is in the catalog) and against the client (each error answer reaches the caller as the
 * exception its status maps to, with code and message). The catalog against the server's own
 * codes and templates is {@code ErrorCodeTest} in core.
 */
class ErrorCatalogTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final WireMockServer wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

  @BeforeAll
  static void start() {
    wireMock.start();
  }

  @AfterAll
  static void stop() {
    wireMock.stop();
  }

  @Test
  void everyEntryOfTheCatalogHasAContractCase() {
    List<String> uncovered = new ArrayList<>();
    for (Entry entry : ErrorCatalog.entries()) {
      List<ContractCase> covering = Cases.all().stream().filter(c -> answers(c).contains(entry)).toList();
      if (covering.isEmpty() && entry.testedBy() == null) {
        uncovered.add(entry.toString());
      }
    }
    assertThat(uncovered).as("catalog entries without a case").isEmpty();
  }

  /**
   * Answers to what no HTTP client library sends are provoked by raw-socket tests instead of
   * cases; the catalog names the test, which must exist.
   */
  @Test
  void everyTestNamedByTheCatalogExists() throws Exception {
    for (Entry entry : ErrorCatalog.entries()) {
      if (entry.testedBy() == null) {
        continue;
      }
      String[] parts = entry.testedBy().split("[ #]");
      assertThat(parts).as(entry.testedBy()).hasSize(3);
      try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("..", parts[0], "src", "test", "java"))) {
        List<java.nio.file.Path> sources = files.filter(f -> f.getFileName().toString().equals(parts[1] + ".java")).toList();
        assertThat(sources).as("%s names a test class", entry).hasSize(1);
        assertThat(java.nio.file.Files.readString(sources.get(0))).as("%s names a test method", entry)
            .contains("void " + parts[2] + "(");
      }
    }
  }

  @Test
  void answersTheReferenceServerNeverGivesAreOnlyInReplayOnlyCases() {
    for (ContractCase c : Cases.all()) {
      for (Entry entry : answers(c)) {
        if (!entry.referenceServer()) {
          assertThat(c.replayOnly()).as("%s answers %s, which no server of ours gives", c, entry).isTrue();
        }
      }
    }
  }

  @Test
  void everyErrorAnswerOfTheCasesIsInTheCatalog() {
    List<String> unknown = new ArrayList<>();
    for (ContractCase c : Cases.all()) {
      JsonNode body = c.responseBody();
      if (body.has("error_code")) {
        find(c.status(), body).ifPresentOrElse(e -> checkGatewayRequestId(c, e, body),
            () -> unknown.add(c + ": " + c.status() + " " + body));
      }
      for (JsonNode item : items(body)) {
        if (!item.path("result").asBoolean(true) && find(200, item).isEmpty()) {
          unknown.add(c + ": item " + item);
        }
      }
    }
    assertThat(unknown).as("errors of the cases that the catalog does not list").isEmpty();
  }

  static List<Entry> errorAnswers() {
    return ErrorCatalog.entries().stream().filter(e -> e.where() != Where.ITEM).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorAnswers")
  void theClientThrowsTheExceptionOfTheEntrysStatusWithItsCodeAndMessage(Entry entry) throws Exception {
    ObjectNode body = MAPPER.createObjectNode().put("error_code", entry.code())
        .put("error_msg", entry.message().replace("%s", "check restorable"));
    if (entry.where() == Where.GATEWAY) {
      body.put("request_id", "0123456789abcdef");
    }
    wireMock.resetAll();
    wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(entry.status())
        .withHeader("Content-Type", "application/json").withBody(MAPPER.writeValueAsString(body))));

    try (CsbsClient client = CsbsClient.builder().baseUrl("http://127.0.0.1:" + wireMock.port())
        .projectId("0605767ab000d4c12f3bc0033d9d5d06").token("demo-token-project-a")
        .retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> client.checkRestorable(RestoreItem.backup("8986ce68-3da7-4d29-9cc2-1921e9504975")
          .ontoServer("5aa119a8-d25b-45a7-8d1b-88e127885635")
          .mapDisk("7ea119a8-d25b-43a7-8d1b-88e12788513a", "45baf976-c20a-4894-a7c3-c94b7376bf55").build()).execute())
          .isExactlyInstanceOf(ClientCases.exceptionFor(entry.status()))
          .isInstanceOfSatisfying(CsbsHttpException.class, e -> {
            assertThat(e.status()).isEqualTo(entry.status());
            assertThat(e.errorCode()).isEqualTo(entry.code());
            assertThat(e.errorMsg()).isEqualTo(body.get("error_msg").asText());
            assertThat(e.requestId().isPresent()).isEqualTo(entry.where() == Where.GATEWAY);
          });
    }
  }

  /** The catalog entries a case's expected answer is: its error, or its failing items' codes. */
  static List<Entry> answers(ContractCase c) {
    JsonNode body = c.responseBody();
    List<Entry> entries = new ArrayList<>();
    if (body.has("error_code")) {
      find(c.status(), body).ifPresent(entries::add);
    }
    for (JsonNode item : items(body)) {
      if (!item.path("result").asBoolean(true)) {
        find(200, item).ifPresent(entries::add);
      }
    }
    return entries;
  }

  private static Optional<Entry> find(int status, JsonNode error) {
    return ErrorCatalog.find(error.path("error_code").asText(), status, error.path("error_msg").asText());
  }

  private static void checkGatewayRequestId(ContractCase c, Entry entry, JsonNode body) {
    assertThat(body.has("request_id")).as("%s: a gateway answer, and only one, carries request_id", c)
        .isEqualTo(entry.where() == Where.GATEWAY);
  }

  private static JsonNode items(JsonNode body) {
    return body.has("restorable") ? body.get("restorable") : body.path("protectable");
  }
}
