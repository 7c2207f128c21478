package io.github.csbscontract.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.spec.SpecContract;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

/** Each constant says what openapi.yaml says; change the spec and this fails until they agree. */
class ContractTest {

  private final OpenAPI spec = SpecContract.model();

  @Test
  void providerIdIsTheSpecsOnlyProviderValue() {
    assertThat(parameter("ProviderId").getSchema().getEnum()).containsExactly(Contract.CSBS_PROVIDER_ID);
  }

  @Test
  void projectIdPatternIsTheSpecsPattern() {
    assertThat(parameter("ProjectId").getSchema().getPattern()).isEqualTo(Contract.PROJECT_ID_PATTERN);
  }

  @Test
  void tokenHeaderIsTheSecuritySchemesHeader() {
    SecurityScheme scheme = spec.getComponents().getSecuritySchemes().get("iamToken");
    assertThat(scheme.getIn()).isEqualTo(SecurityScheme.In.HEADER);
    assertThat(scheme.getName()).isEqualTo(Contract.TOKEN_HEADER);
  }

  @Test
  void serverTypesAreTheOnesTheSpecNames() {
    String described = resourceType().getDescription();
    assertThat(described).contains("`" + Contract.ECS + "` (ECS)", "`" + Contract.BMS + "` (BMS)");
    assertThat(Contract.ECS).matches(resourceTypePattern());
    assertThat(Contract.BMS).matches(resourceTypePattern());
  }

  @Test
  void operationPathIsTheSpecsOnlyPath() {
    assertThat(spec.getPaths()).containsOnlyKeys(Contract.OPERATION_PATH);
  }

  private String resourceTypePattern() {
    return resourceType().getPattern();
  }

  private Schema<?> resourceType() {
    return (Schema<?>) spec.getComponents().getSchemas().get("RestorableTarget").getProperties().get("resource_type");
  }

  private Parameter parameter(String name) {
    return spec.getComponents().getParameters().get(name);
  }
}
