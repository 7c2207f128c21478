package io.github.csbscontract.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.server.api.ResourcesApi;
import jakarta.ws.rs.PathParam;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Refusals names the operation's parameters from the contract's path template, not from the
 * generated interface's annotations: the two must agree, or a violation of a path parameter
 * would be named after the wrong one.
 */
class RefusalsTest {

  @Test
  void theTemplatesParametersAreTheGeneratedOperationsInOrder() {
    List<String> annotated = new ArrayList<>();
    for (Method method : ResourcesApi.class.getMethods()) {
      for (Parameter parameter : method.getParameters()) {
        PathParam path = parameter.getAnnotation(PathParam.class);
        annotated.add(path == null ? null : path.value());
      }
    }
    assertThat(Refusals.parameters()).containsExactlyElementsOf(annotated);
  }
}
