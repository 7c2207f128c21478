package io.github.csbscontract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpecExamplesTest {

  private static final String SEED_CHECKPOINT_ITEM = "checkpoint_item_id: 8986ce68-3da7-4d29-9cc2-1921e9504975";

  @Test
  void everyExampleOfTheShippedSpecIsValid() {
    assertThat(SpecExamples.problems(SpecContract.specText())).isEmpty();
  }

  @Test
  void theSpecHasTheExamplesTheContractPromises() {
    var op = SpecContract.model().getPaths()
        .get("/v1/{project_id}/providers/{provider_id}/resources/action").getPost();
    assertThat(op.getRequestBody().getContent().get("application/json").getExamples())
        .containsKeys("seedCheckRestorable", "batchWithFailure", "checkProtectable");
    assertThat(op.getResponses().get("200").getContent().get("application/json").getExamples())
        .containsKeys("seedRestorable", "batchWithFailure", "checkProtectable");
  }

  @Test
  void aBrokenRequestExampleIsReportedByName() {
    String broken = breakOnce(SpecContract.specText(), SEED_CHECKPOINT_ITEM, "checkpoint_item_id: not-a-uuid");

    assertThat(SpecExamples.problems(broken))
        .anySatisfy(p -> assertThat(p).startsWith("request example seedCheckRestorable").contains("pattern"));
  }

  @Test
  void aBrokenResponseExampleIsReportedByName() {
    String broken = breakOnce(SpecContract.specText(), "error_code: CSBS.6007", "error_code: 6007");

    assertThat(SpecExamples.problems(broken))
        .anySatisfy(p -> assertThat(p).startsWith("response 200 example checkProtectable"));
  }

  @Test
  void aBrokenSchemaExampleIsReportedByName() {
    String broken = breakOnce(SpecContract.specText(),
        "          example: CSBS.9001\n", "          example: csbs-9001\n");

    assertThat(SpecExamples.problems(broken))
        .anySatisfy(p -> assertThat(p).startsWith("schema ErrorResponse.error_code example"));
  }

  @Test
  void aPropertyWithoutAnExampleIsReported() {
    String broken = breakOnce(SpecContract.specText(), "          example: provider invalid\n", "");

    assertThat(SpecExamples.problems(broken)).contains("schema ErrorResponse.error_msg: no example");
  }

  /** A test copy of the shipped spec with one example broken; fails if the text moved. */
  private static String breakOnce(String spec, String original, String replacement) {
    int at = spec.indexOf(original);
    assertThat(at).as("spec still contains %s", original).isNotNegative();
    return spec.substring(0, at) + replacement + spec.substring(at + original.length());
  }
}
