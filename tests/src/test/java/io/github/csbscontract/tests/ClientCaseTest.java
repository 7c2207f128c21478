package io.github.csbscontract.tests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.csbscontract.spec.SpecContract;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runner 2: WireMock answers with the case's answer; the client must send exactly the case's
 * request and return, or throw, what that answer means. Every exchange is checked against the spec.
 */
class ClientCaseTest {

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

  @BeforeEach
  void reset() {
    wireMock.resetAll();
  }

  static List<ContractCase> cases() {
    return ClientCases.expressible();
  }

  @Test
  void theClientExpressesEveryDomainCaseAndTheRequestLevelOnesItCan() {
    assertThat(cases()).filteredOn(c -> c.id().startsWith("check_")).hasSize(
        (int) Cases.all().stream().filter(c -> c.id().startsWith("check_")).count() - 1); // unknown item fields: dropped
    assertThat(cases()).extracting(ContractCase::id).contains(
        "request/should_answer_401_when_token_unknown", "request/should_answer_403_when_token_is_of_another_project",
        "request/should_answer_400_when_provider_is_not_csbs", "request/should_answer_400_when_batch_exceeds_100_items");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void clientSendsTheCasesRequestAndReadsItsAnswer(ContractCase c) throws Exception {
    ContractCase.Target target = ContractCase.Target.demo("http://127.0.0.1:" + wireMock.port());
    String answer = MAPPER.writeValueAsString(c.responseBody()).replace(ContractCase.ANY, "0123456789abcdef");
    wireMock.stubFor(post(urlEqualTo(c.path(target)))
        .willReturn(aResponse().withStatus(c.status()).withHeader("Content-Type", "application/json").withBody(answer)));

    ClientCases.runAndCheck(c, target);

    wireMock.verify(1, postRequestedFor(urlEqualTo(c.path(target)))
        .withHeader("X-Auth-Token", equalTo(c.headers(target).get("X-Auth-Token")))
        .withRequestBody(equalToJson(c.bodyText(MAPPER))));
    for (ServeEvent event : wireMock.getAllServeEvents()) {
      Map<String, String> headers = new LinkedHashMap<>();
      for (HttpHeader header : event.getRequest().getHeaders().all()) {
        headers.put(header.key(), header.firstValue());
      }
      var problems = SpecContract.requestProblems("POST", event.getRequest().getUrl(), headers, event.getRequest().getBodyAsString());
      assertThat(problems.isEmpty()).as("spec accepts the client's request: %s", problems).isEqualTo(c.validRequest());
      SpecContract.assertValidResponse("POST", event.getRequest().getUrl(), event.getResponse().getStatus(),
          "application/json", event.getResponse().getBodyAsString());
    }
  }
}
