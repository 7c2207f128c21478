package io.github.csbscontract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.spec.SpecMarks.Side;
import org.junit.jupiter.api.Test;

/**
 * Strict on requests, tolerant on responses: the walk over every schema the operation uses.
 * A response schema may constrain only what the documents promise; every request constraint
 * says whether it is documented or the contract's choice.
 */
class SpecMarksTest {

  @Test
  void everyConstraintOfTheShippedSpecIsMarkedAndNoMarkIsLeftOver() {
    assertThat(SpecMarks.of(SpecContract.specText()).problems()).isEmpty();
  }

  @Test
  void theWalkReachesEveryResponseSchemaAndItsDocumentedConstraints() {
    var response = SpecMarks.of(SpecContract.specText()).constraints().stream()
        .filter(c -> c.side() == Side.RESPONSE).toList();

    assertThat(response).extracting(c -> c.where() + " " + c.keyword())
        .containsExactlyInAnyOrder("CheckResp required", "ErrorResponse required");
  }

  @Test
  void aLengthCapOnAResponseFieldFailsTheWalk() {
    String description = "          description: Error reason when `result` is false; empty or absent otherwise."
        + " Any length.\n";
    String capped = replaceOnce(SpecContract.specText(), description, description + "          maxLength: 512\n");

    assertThat(SpecMarks.of(capped).problems()).containsExactly(
        "response schema CheckResp.error_msg maxLength: 512 is not marked x-documented: responses constrain only"
            + " what the documents promise");
  }

  @Test
  void aPatternOrAPropertyCountOnAResponseFailsTheWalk() {
    String requestId = "          description: Request ID added by the API gateway, to quote to support.\n";
    String keys = "        `protectable`), one entry per request item, in request order. Clients must ignore other\n"
        + "        keys.\n";
    String narrowed = replaceOnce(
        replaceOnce(SpecContract.specText(), requestId, requestId + "          pattern: '^[0-9a-zA-Z-]+$'\n"),
        keys, keys + "      maxProperties: 1\n");

    assertThat(SpecMarks.of(narrowed).problems()).hasSize(2)
        .anySatisfy(p -> assertThat(p).startsWith("response schema ErrorResponse.request_id pattern:"))
        .anySatisfy(p -> assertThat(p).startsWith("response schema ResourceActionResponse maxProperties: 1"));
  }

  @Test
  void aContractChoiceCannotExcuseAResponseConstraint() {
    String resourceId = "          description: Resource ID.\n";
    String chosen = replaceOnce(SpecContract.specText(), resourceId, resourceId
        + "          maxLength: 36\n          x-contract-choice:\n            maxLength: our server sends UUIDs\n");

    assertThat(SpecMarks.of(chosen).problems()).anySatisfy(p -> assertThat(p)
        .startsWith("response schema CheckResp.resource_id maxLength: 36 is marked x-contract-choice"));
  }

  @Test
  void anUnmarkedRequestLimitFailsTheWalk() {
    String unmarked = replaceOnce(SpecContract.specText(),
        "            maxItems: The documents give no limit; 60 mappings is the contract's bound, at or above the"
            + " number of disks one server can have attached.\n", "");

    assertThat(SpecMarks.of(unmarked).problems()).containsExactly(
        "request schema RestorableTarget.volumes maxItems: 60 is marked neither x-documented nor x-contract-choice");
  }

  @Test
  void aMarkLeftBehindByARemovedConstraintIsReported() {
    String stale = replaceOnce(SpecContract.specText(), "          maxItems: 60\n", "");

    assertThat(SpecMarks.of(stale).problems())
        .containsExactly("RestorableTarget.volumes: marks maxItems, which the schema does not have");
  }

  /** A test copy of the shipped spec with one change; fails if the text moved. */
  private static String replaceOnce(String spec, String original, String replacement) {
    int at = spec.indexOf(original);
    assertThat(at).as("spec still contains %s", original).isNotNegative();
    assertThat(spec.indexOf(original, at + 1)).as("%s is unique in the spec", original).isNegative();
    return spec.substring(0, at) + replacement + spec.substring(at + original.length());
  }
}
