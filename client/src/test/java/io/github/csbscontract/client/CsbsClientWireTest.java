package io.github.csbscontract.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.csbscontract.client.Wire.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CsbsClientWireTest {

  @RegisterExtension
  static final SpecCheckedWireMock wireMock = new SpecCheckedWireMock();

  @Test
  void checkRestorableSendsTheSeedsExampleRequest() {
    wireMock.server.stubFor(action().willReturn(json(200, body("seed-restorable-response.json"))));

    try (CsbsClient client = client(wireMock).build()) {
      client.checkRestorable(seedItem()).execute();
    }

    wireMock.server.verify(1, postRequestedFor(urlEqualTo(PATH))
        .withHeader("X-Auth-Token", equalTo(TOKEN))
        .withHeader("Content-Type", matching("application/json(; ?charset=utf-8)?"))
        .withHeader("User-Agent", matching("csbs-restore-check-client/\\S+"))
        .withRequestBody(equalToJson(body("seed-restorable-request.json"))));
  }

  @Test
  void theUserAgentCarriesTheSuffix() {
    wireMock.server.stubFor(action().willReturn(json(200, body("seed-restorable-response.json"))));

    try (CsbsClient client = client(wireMock).userAgentSuffix("backup-portal/2.4").build()) {
      client.checkRestorable(seedItem()).execute();
    }
    wireMock.server.verify(postRequestedFor(urlEqualTo(PATH))
        .withHeader("User-Agent", matching("csbs-restore-check-client/\\S+ backup-portal/2\\.4")));
  }

  @Test
  void aCustomObjectMapperIsUsedWithoutBreakingTheWireFormat() {
    wireMock.server.stubFor(action().withMetadata(offSpec()).willReturn(json(200, body("newer-service-response.json"))));
    // A strict mapper of the application's own: the client still reads newer answers and writes no nulls.
    com.fasterxml.jackson.databind.ObjectMapper strict = new com.fasterxml.jackson.databind.ObjectMapper()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    try (CsbsClient client = client(wireMock).objectMapper(strict).build()) {
      assertThat(client.checkRestorable(seedItem()).execute()).hasSize(1);
    }
    assertThat(strict.isEnabled(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
        .as("the application's mapper is left as it was").isTrue();
    wireMock.server.verify(postRequestedFor(urlEqualTo(PATH))
        .withRequestBody(equalToJson(body("seed-restorable-request.json")))
        .withRequestBody(matching("(?s)\\{\\s*\\n.*")));
  }

  @Test
  void checkRestorableReturnsTheSeedsExampleResult() {
    wireMock.server.stubFor(action().willReturn(json(200, body("seed-restorable-response.json"))));

    try (CsbsClient client = client(wireMock).build()) {
      assertThat(client.checkRestorable(seedItem()).execute()).containsExactly(
          new CheckResult(true, "", "", "6507cb66-90dc-4a12-a573-c9f3398f899d", "OS::Nova::Server"));
    }
  }

  @Test
  void aBatchAnswersInRequestOrderWithEachItemsError() {
    wireMock.server.stubFor(action().willReturn(json(200, body("batch-restorable-response.json"))));
    RestoreItem failing = RestoreItem.backup("0b7a4c1e-5f3d-4e2a-9c8b-1d2e3f4a5b6c")
        .ontoServer("5aa119a8-d25b-45a7-8d1b-88e127885635")
        .mapDisk("3c9d0e1f-2a3b-4c5d-8e6f-7a8b9c0d1e2f", "45baf976-c20a-4894-a7c3-c94b7376bf55").build();

    try (CsbsClient client = client(wireMock).build()) {
      List<CheckResult> results = client.checkRestorable(List.of(seedItem(), failing)).execute();

      assertThat(results).extracting(CheckResult::passed).containsExactly(true, false);
      assertThat(results.get(1).errorCode()).isEqualTo("CSBS.4000");
      assertThat(results.get(1).errorMsg()).isEqualTo("checkpoint item not available");
    }
    wireMock.server.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(matching(".*8986ce68.*0b7a4c1e.*")));
  }

  @Test
  void checkProtectableSendsServersAndOmittedErrorFieldsReadAsEmpty() {
    wireMock.server.stubFor(action().willReturn(json(200, body("protectable-response.json"))));

    try (CsbsClient client = client(wireMock).build()) {
      List<CheckResult> results = client.checkProtectable(
          ProtectItem.server("5aa119a8-d25b-45a7-8d1b-88e127885635"), ProtectItem.server("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a")).execute();

      assertThat(results.get(0)).isEqualTo(new CheckResult(true, "", "", "5aa119a8-d25b-45a7-8d1b-88e127885635", "OS::Nova::Server"));
      assertThat(results.get(1).errorCode()).isEqualTo("CSBS.6007");
    }
    wireMock.server.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(body("protectable-request.json"))));
  }

  @Test
  void protectItemsNameOtherServerTypes() {
    wireMock.server.stubFor(action().willReturn(json(200, body("protectable-response.json"))));

    try (CsbsClient client = client(wireMock).build()) {
      assertThat(client.checkProtectable(ProtectItem.bms("5aa119a8-d25b-45a7-8d1b-88e127885635"),
          new ProtectItem("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "OS::Nova::Server")).execute()).hasSize(2);
    }
    wireMock.server.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(
        "{\"check_protectable\":[{\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\",\"resource_type\":\"OS::Ironic::BareMetalServer\"},"
            + "{\"resource_id\":\"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a\",\"resource_type\":\"OS::Nova::Server\"}]}")));
  }

  @Test
  void unknownResponseFieldsAndResourceTypesAreRead() {
    // The spec tells clients to ignore fields they do not know: a newer service's answer.
    wireMock.server.stubFor(action().withMetadata(offSpec()).willReturn(json(200, body("newer-service-response.json"))));

    try (CsbsClient client = client(wireMock).build()) {
      assertThat(client.checkRestorable(seedItem()).execute().get(0).resourceType()).isEqualTo("OS::Nova::FutureServer");
    }
  }

  @Test
  void anInvalidRequestThrowsWithFieldAndRuleAndIsNotSent() {
    RestoreItem item = RestoreItem.backup("8986ce68-3da7-4d29-9cc2-1921e9504975")
        .ontoServer("5aa119a8-d25b-45a7-8d1b-88e127885635")
        .mapDisk("7ea119a8-d25b-43a7-8d1b-88e12788513a", "disk-1").build();

    try (CsbsClient client = client(wireMock).build()) {
      // A disk ID is a UUID (documented): 36 characters. The lower-case pattern is the contract's
      // choice, which the client leaves to the service (ContractChoicesTest).
      assertThatThrownBy(() -> client.checkRestorable(item).execute())
          .isInstanceOfSatisfying(CsbsValidationException.class, e -> assertThat(e.violations()).containsExactly(
              "check_restorable[0].target.volumes[0].volume_id: size must be between 36 and 36"));
    }
    assertThat(wireMock.served()).isEmpty();
  }

  @Test
  void withValidationOffTheServiceJudgesTheRequest() {
    wireMock.server.stubFor(action().withMetadata(Map.of(SpecCheckedWireMock.REQUEST_OFF_SPEC, true))
        .willReturn(error(400, "CSBS.9001", "check_restorable[0].target.volumes[0].volume_id: must match a UUID")));
    RestoreItem item = RestoreItem.backup("8986ce68-3da7-4d29-9cc2-1921e9504975")
        .ontoServer("5aa119a8-d25b-45a7-8d1b-88e127885635")
        .mapDisk("7ea119a8-d25b-43a7-8d1b-88e12788513a", "disk-1").build();

    try (CsbsClient client = client(wireMock).validateRequests(false).build()) {
      assertThatThrownBy(() -> client.checkRestorable(item).execute()).isInstanceOf(CsbsBadRequestException.class);
    }
    assertThat(wireMock.served()).hasSize(1);
  }
}
