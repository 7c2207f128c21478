package io.github.csbscontract.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csbscontract.spec.SpecContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runner 1: the spec accepts each case's request exactly when the case says so, and its answer always. */
class SpecCaseTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ContractCase.Target TARGET = ContractCase.Target.demo("http://127.0.0.1");

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.csbscontract.tests.Cases#all")
  void requestIsValidExactlyAsTheCaseSays(ContractCase c) {
    var problems = SpecContract.requestProblems(c.method(), c.path(TARGET), c.headers(TARGET), c.bodyText(MAPPER));
    if (c.validRequest()) {
      assertThat(problems).as(c.description()).isEmpty();
    } else {
      assertThat(problems).as("the spec must refuse: " + c.description()).isNotEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.csbscontract.tests.Cases#all")
  void expectedAnswerIsValid(ContractCase c) throws Exception {
    // ${any} stands for a gateway request ID; any value the spec allows will do here.
    String body = MAPPER.writeValueAsString(c.responseBody()).replace(ContractCase.ANY, "0123456789abcdef");
    SpecContract.assertValidResponse(c.method(), c.path(TARGET), c.status(), "application/json", body);
  }
}
