package io.github.csbscontract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpecExamplesTest {

  /** The first item of the request examples (components/examples/requestSeedCheckRestorable). */
  private static final String SEED_CHECKPOINT_ITEM = "\n          - checkpoint_item_id: 8986ce68-3da7-4d29-9cc2-1921e9504975";

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
    String broken = breakOnce(SpecContract.specText(), SEED_CHECKPOINT_ITEM, "\n          - checkpoint_item_id: not-a-uuid");

    assertThat(SpecExamples.problems(broken))
        .anySatisfy(p -> assertThat(p).startsWith("request example seedCheckRestorable").contains("pattern"));
  }

  @Test
  void aBrokenResponseExampleIsReportedByName() {
    String broken = breakOnce(SpecContract.specText(), "            result: false\n            error_code: CSBS.6007",
        "            result: maybe\n            error_code: CSBS.6007");

    assertThat(SpecExamples.problems(broken))
        .anySatisfy(p -> assertThat(p).startsWith("response 200 example checkProtectable"));
  }

  @Test
  void aRequestExampleThatMapsADiskBackupTwiceIsReportedByName() {
    String mapping = " ".repeat(16) + "- backup_id: 7ea119a8-d25b-43a7-8d1b-88e12788513a\n"
        + " ".repeat(18) + "volume_id: 45baf976-c20a-4894-a7c3-c94b7376bf55\n";
    String nextItem = " ".repeat(10) + "- checkpoint_item_id: 0b7a4c1e-5f3d-4e2a-9c8b-1d2e3f4a5b6c\n";
    String twice = breakOnce(SpecContract.specText(), mapping + nextItem, mapping
        + mapping.replace("45baf976-c20a-4894-a7c3-c94b7376bf55", "0b7a4c1e-5f3d-4e2a-9c8b-1d2e3f4a5b6c") + nextItem);

    assertThat(SpecExamples.problems(twice)).containsExactly("request example batchWithFailure: "
        + "validation.request.body.uniqueItemProperties: check_restorable[0].target.volumes[1].backup_id: repeats the"
        + " backup_id of check_restorable[0].target.volumes[0]");
  }

  @Test
  void aBrokenSchemaExampleIsReportedByName() {
    String broken = breakOnce(SpecContract.specText(),
        "          example: 45baf976-c20a-4894-a7c3-c94b7376bf55\n", "          example: 45BAF976-C20A-4894-A7C3-C94B7376BF55\n");

    assertThat(SpecExamples.problems(broken))
        .anySatisfy(p -> assertThat(p).startsWith("schema RestoreVolumeMapping.volume_id example").contains("pattern"));
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
