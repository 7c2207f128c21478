package io.github.csbscontract.server.operation;

import io.github.csbscontract.core.Contract;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.server.api.ResourcesApi;
import org.junit.jupiter.api.Test;

/** The operation as read from the generated interface's JAX-RS annotations. */
class OperationTest {

  private static final Operation OPERATION = Operation.of(ResourcesApi.class);
  private static final String PROVIDER = Contract.CSBS_PROVIDER_ID;

  @Test
  void theGeneratedAnnotationsGiveMethodMediaTypeAndParameters() {
    assertThat(OPERATION.httpMethod).isEqualTo("POST");
    assertThat(OPERATION.consumes).isEqualTo("application/json");
    assertThat(OPERATION.method.getName()).isEqualTo("checkResourceCapabilities");
    assertThat(OPERATION.pathParameter("project_id")).isZero();
    assertThat(OPERATION.pathParameter("provider_id")).isOne();
    assertThat(OPERATION.arguments(new String[] {"p", "q"}, "body")).containsExactly("p", "q", "body");
  }

  @Test
  void theSpecsPathMatchesAndItsParametersAreDecoded() {
    assertThat(OPERATION.match("/v1/abc/providers/" + PROVIDER + "/resources/action")).containsExactly("abc", PROVIDER);
    assertThat(OPERATION.match("/v1/a%62c/providers/x%2By+z/resources/action")).containsExactly("abc", "x+y+z");
  }

  @Test
  void anythingElseIsAnotherResource() {
    for (String path : new String[] {"", "/", "v1/abc/providers/x/resources/action", "/v1/abc/providers/x/resources/action/",
        "/v1//providers/x/resources/action", "/v1/abc/providers/x/resources/action/more", "/v1/abc/providers/x/resources",
        "/v2/abc/providers/x/resources/action", "/v1/abc/providers/x/resources/actions", "/v1/a%zzc/providers/x/resources/action",
        "/v1/abc/provider/x/resources/action"}) {
      assertThat(OPERATION.match(path)).as(path).isNull();
    }
  }
}
