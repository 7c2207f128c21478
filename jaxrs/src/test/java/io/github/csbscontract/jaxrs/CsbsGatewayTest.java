package io.github.csbscontract.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.service.CsbsRequestException;
import io.github.csbscontract.service.GatewayChecks;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsbsGatewayTest {

  private static final String OPERATION = "/v1/0605767ab000d4c12f3bc0033d9d5d06/providers/p/resources/action";

  @Test
  void theOperationsPathYieldsItsProject() {
    assertThat(CsbsGateway.projectOf(OPERATION)).isEqualTo("0605767ab000d4c12f3bc0033d9d5d06");
    assertThat(CsbsGateway.projectOf(OPERATION.substring(1))).as("relative, as some runtimes give it")
        .isEqualTo("0605767ab000d4c12f3bc0033d9d5d06");
  }

  @Test
  void otherPathsAreLeftToTheRuntime() {
    assertThat(CsbsGateway.projectOf("/v1/x/providers/p/resources")).isNull();
    assertThat(CsbsGateway.projectOf("/v1//providers/p/resources/action")).isNull();
    assertThat(CsbsGateway.projectOf("/v2/x/providers/p/resources/action")).isNull();
    assertThat(CsbsGateway.projectOf(OPERATION + "/more")).isNull();
    assertThat(CsbsGateway.projectOf("/")).isNull();
  }

  @Test
  void jsonIsJsonInAnyCaseWithWellFormedParameters() {
    assertThat(GatewayChecks.isMediaType("application/json", "application/json")).isTrue();
    assertThat(GatewayChecks.isMediaType("Application/JSON; charset=utf-8", "application/json")).isTrue();
    assertThat(GatewayChecks.isMediaType("application/json;charset=\"utf-8\"", "application/json")).isTrue();
  }

  @Test
  void anythingElseIsNot() {
    assertThat(GatewayChecks.isMediaType(null, "application/json")).isFalse();
    assertThat(GatewayChecks.isMediaType("text/plain", "application/json")).isFalse();
    assertThat(GatewayChecks.isMediaType("*/*", "application/json")).isFalse();
    assertThat(GatewayChecks.isMediaType("application/json; charset", "application/json")).isFalse();
    assertThat(GatewayChecks.isMediaType("application/json;", "application/json")).isFalse();
  }

  @Test
  void gatewayAnswersCarryARequestIdAndServiceAnswersDoNot() {
    byte[] gateway = ServiceAnswers.gatewayBody(ErrorCode.TOKEN_MISSING);
    byte[] service = ServiceAnswers.refusalBody(new CsbsRequestException(403, ErrorCode.USER_UNVERIFIED));

    assertThat(new String(gateway, StandardCharsets.UTF_8)).matches(
        "\\{\"error_code\":\"APIG.0301\",\"error_msg\":\"Incorrect IAM authentication information: x-auth-token not found\","
            + "\"request_id\":\"[0-9a-f]{32}\"}");
    assertThat(new String(service, StandardCharsets.UTF_8))
        .isEqualTo("{\"error_code\":\"CSBS.9009\",\"error_msg\":\"User is unverified.\"}");
  }

  @Test
  void anUnavailableStoreIsAnsweredInTheServicesFormat() {
    assertThat(new String(ServiceAnswers.unavailableBody(), StandardCharsets.UTF_8))
        .isEqualTo("{\"error_code\":\"CSBS.0503\",\"error_msg\":\"Service unavailable.\"}");
  }

  @Test
  void theFeatureNeedsTokensAndAPositiveLimit() {
    assertThatThrownBy(() -> new CsbsFeature(null)).hasMessageContaining("tokens");
    assertThatThrownBy(() -> new CsbsFeature(token -> java.util.Optional.empty(), 0)).hasMessageContaining("maxBodyBytes");
  }
}
