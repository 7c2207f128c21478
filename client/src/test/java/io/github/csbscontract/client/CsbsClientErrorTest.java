package io.github.csbscontract.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.csbscontract.client.Wire.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CsbsClientErrorTest {

  @RegisterExtension
  static final SpecCheckedWireMock wireMock = new SpecCheckedWireMock();

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @CsvSource({
      "400, CSBS.9001, provider invalid, CsbsBadRequestException",
      "401, APIG.0301, Incorrect IAM authentication information: x-auth-token not found, CsbsAuthenticationException",
      "403, CSBS.9009, User is unverified., CsbsAuthenticationException",
      "404, APIG.0101, The API does not exist or has not been published in the environment., CsbsNotFoundException",
      "413, APIG.0201, Request entity too large., CsbsPayloadTooLargeException",
      "415, CSBS.9001, Content-Type must be application/json, CsbsHttpException",
      "429, APIG.0308, The throttling threshold has been reached., CsbsThrottledException",
      "500, CSBS.9999, check restorable failed, CsbsServerException",
      "503, CSBS.9999, query backup service failed, CsbsServerException"})
  void everyErrorStatusMapsToItsExceptionWithTheBodysFields(int status, String code, String msg, String type) {
    wireMock.server.stubFor(action().willReturn(json(status,
        "{\"error_code\":\"" + code + "\",\"error_msg\":\"" + msg + "\",\"request_id\":\"abc123\"}")));

    try (CsbsClient client = client(wireMock).retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOfSatisfying(CsbsHttpException.class, e -> {
            assertThat(e.getClass().getSimpleName()).isEqualTo(type);
            assertThat(e.headers().get("content-type")).containsExactly("application/json");
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.errorMsg()).isEqualTo(msg);
            assertThat(e.requestId()).contains("abc123");
            assertThat(e.getMessage()).contains(String.valueOf(status), code, msg);
          });
    }
  }

  @Test
  void anErrorStatusWithAProxysHtmlPageKeepsTheStatusAndASnippet() {
    wireMock.server.stubFor(action().withMetadata(offSpec()).willReturn(aResponse().withStatus(502)
        .withHeader("Content-Type", "text/html").withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));

    try (CsbsClient client = client(wireMock).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOfSatisfying(CsbsServerException.class, e -> {
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.errorCode()).isEmpty();
            assertThat(e.bodySnippet()).contains("502 Bad Gateway");
          });
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "malformed JSON | application/json | {\"restorable\": [ {\"result\": tru | not the spec's JSON",
      "wrong content type | text/html | <html>maintenance</html> | is not JSON",
      "wrong shape | application/json | {\"restorable\": \"yes\"} | not the spec's JSON",
      "missing results | application/json | {\"protectable\": []} | no results for 1 items"})
  void anUnreadableSuccessReportsStatusAndSnippet(String name, String type, String body, String problem) {
    wireMock.server.stubFor(action().withMetadata(offSpec())
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", type).withBody(body)));

    try (CsbsClient client = client(wireMock).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOfSatisfying(CsbsUnreadableResponseException.class, e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.getMessage()).contains(problem);
          });
    }
  }

  @Test
  void anEmptySuccessBodyIsUnreadable() {
    wireMock.server.stubFor(action().withMetadata(offSpec())
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));

    try (CsbsClient client = client(wireMock).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOf(CsbsUnreadableResponseException.class).hasMessageContaining("empty body");
    }
  }

  @Test
  void aSuccessStatusOutsideTheSpecIsUnreadable() {
    wireMock.server.stubFor(action().withMetadata(offSpec()).willReturn(json(202, "{\"job_id\":\"1\"}")));

    try (CsbsClient client = client(wireMock).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOfSatisfying(CsbsUnreadableResponseException.class, e -> assertThat(e.status()).isEqualTo(202));
    }
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
  void aBrokenConnectionIsRetriedThenReportedAsTransportFailure(Fault fault) {
    wireMock.server.stubFor(action().withMetadata(offSpec()).willReturn(aResponse().withFault(fault)));

    try (CsbsClient client = client(wireMock).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOf(CsbsTransportException.class)
          .isNotInstanceOf(CsbsTimeoutException.class);
    }
    assertThat(wireMock.served()).hasSize(RetryPolicy.defaults().maxAttempts());
  }

  @Test
  void nobodyListeningIsATransportFailure() {
    try (CsbsClient client = CsbsClient.builder().baseUrl("http://127.0.0.1:1").projectId(PROJECT).token(TOKEN)
        .retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute()).isInstanceOf(CsbsTransportException.class);
    }
  }
}
