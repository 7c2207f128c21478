package example.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.csbscontract.client.CheckResult;
import io.github.csbscontract.client.CsbsAuthenticationException;
import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.client.ProtectItem;
import io.github.csbscontract.client.RestoreItem;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a user's test does: WireMock plays the service, the client calls it. With WireMock's
 * Jackson winning over the client's, the first call failed with NoClassDefFoundError
 * (com/fasterxml/jackson/annotation/JsonSerializeAs).
 */
class RestoreCheckAgainstWireMockTest {

  private static final String PROJECT = "0605767ab000d4c12f3bc0033d9d5d06";
  private static final String PATH = "/v1/" + PROJECT + "/providers/" + CsbsClient.CSBS_PROVIDER_ID + "/resources/action";

  private WireMockServer wireMock;

  @BeforeEach
  void start() {
    wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wireMock.start();
  }

  @AfterEach
  void stop() {
    wireMock.stop();
  }

  private CsbsClient client() {
    return CsbsClient.builder().baseUrl(wireMock.baseUrl()).projectId(PROJECT).token("test-token").build();
  }

  @Test
  void aRestoreCheckAnsweredByWireMock() {
    wireMock.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"restorable\":[{\"result\":false,\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\","
            + "\"resource_type\":\"OS::Nova::Server\",\"error_code\":\"CSBS.6024\",\"error_msg\":\"too small\"}]}")));

    List<CheckResult> results;
    try (CsbsClient csbs = client()) {
      results = csbs.checkRestorable(RestoreItem.backup("8986ce68-3da7-4d29-9cc2-1921e9504975")
          .ontoServer("5aa119a8-d25b-45a7-8d1b-88e127885635")
          .mapDisk("7ea119a8-d25b-43a7-8d1b-88e12788513a", "45baf976-c20a-4894-a7c3-c94b7376bf55")
          .build()).execute();
    }

    assertEquals(1, results.size());
    assertFalse(results.get(0).passed());
    assertEquals("CSBS.6024", results.get(0).errorCode());
    wireMock.verify(postRequestedFor(urlPathEqualTo(PATH)).withHeader("X-Auth-Token", equalTo("test-token"))
        .withHeader("Content-Type", containing("application/json")));
  }

  @Test
  void anErrorAnsweredByWireMock() {
    wireMock.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error_code\":\"APIG.0301\",\"error_msg\":\"Incorrect IAM authentication information: decrypt token fail\"}")));

    try (CsbsClient csbs = client()) {
      CsbsAuthenticationException e = assertThrows(CsbsAuthenticationException.class,
          () -> csbs.checkProtectable(ProtectItem.server("5aa119a8-d25b-45a7-8d1b-88e127885635")).execute());
      assertEquals("APIG.0301", e.errorCode());
      assertFalse(e.isRetryable());
    }
  }

  @Test
  void everyJacksonModuleIsAtTheClientsVersion() {
    String databind = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString();
    assertEquals(databind, com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString(), "jackson-core");
    assertTrue(databind.startsWith("2.21"), databind);
  }
}
