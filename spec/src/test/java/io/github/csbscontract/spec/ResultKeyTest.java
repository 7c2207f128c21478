package io.github.csbscontract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A 200 carries the result list of the request's action (x-result-key-by-action), without oneOf. */
class ResultKeyTest {

  private static final String PATH = "/v1/0605767ab000d4c12f3bc0033d9d5d06/providers/"
      + "fc4d5750-22e7-4798-8a46-f48f62c4c1da/resources/action";
  private static final String RESTORE = "{\"check_restorable\":[]}";
  private static final String PROTECT = "{\"check_protectable\":[]}";
  private static final String RESTORABLE = "{\"restorable\":[{\"result\":true}]}";
  private static final String PROTECTABLE = "{\"protectable\":[{\"result\":true}],\"next\":1}";

  @Test
  void aTwoHundredWithTheListOfTheActionIsValid() {
    assertThat(SpecContract.responseProblems("POST", PATH, RESTORE, 200, "application/json", RESTORABLE)).isEmpty();
    assertThat(SpecContract.responseProblems("POST", PATH, PROTECT, 200, "application/json", PROTECTABLE)).isEmpty();
    assertThat(SpecContract.responseProblems("POST", PATH, 200, "application/json", PROTECTABLE)).isEmpty();
  }

  @Test
  void aTwoHundredWithNeitherListIsNot() {
    assertThat(SpecContract.responseProblems("POST", PATH, 200, "application/json", "{\"other\":[]}"))
        .containsExactly("validation.response.body.resultKey: a 200 answer carries the list restorable or"
            + " protectable; it has only other");
    assertThat(SpecContract.responseProblems("POST", PATH, 200, "application/json", "{}")).hasSize(1);
  }

  @Test
  void aTwoHundredWithTheOtherActionsListIsNot() {
    assertThat(SpecContract.responseProblems("POST", PATH, RESTORE, 200, "application/json", PROTECTABLE))
        .containsExactly("validation.response.body.resultKey: a 200 answer carries the list restorable"
            + " (the request's action); it has only protectable, next");
  }

  @Test
  void aTransportRefusalKeptOffTheOperationIsAnErrorBody() {
    String body = "{\"error_code\":\"APIG.0201\",\"error_msg\":\"API request error: too slow\",\"request_id\":\"1\"}";

    assertThat(SpecContract.responseProblems("POST", PATH, 408, "application/json", body)).isEmpty();
    assertThat(SpecContract.responseProblems("POST", PATH, 505, "application/json", "{}")).isNotEmpty();
    assertThat(SpecContract.responseProblems("POST", PATH, 418, "application/json", body))
        .anySatisfy(p -> assertThat(p).startsWith("validation.response.status.unknown"));
  }

  @Test
  void errorAnswersAreNotHeldToIt() {
    assertThat(SpecContract.responseProblems("POST", PATH, RESTORE, 400, "application/json",
        "{\"error_code\":\"CSBS.9001\",\"error_msg\":\"provider invalid\"}")).isEmpty();
  }
}
