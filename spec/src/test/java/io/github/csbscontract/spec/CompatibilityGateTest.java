package io.github.csbscontract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The gate on the working spec, and proof that it tells a breaking change from a compatible one. */
class CompatibilityGateTest {

  private static final Path BASELINES = Path.of("baseline");
  private static final Path REPORT = Path.of("target/compatibility-report.md");

  @Test
  void theWorkingSpecPassesTheGateAgainstTheLastRelease() throws Exception {
    Path baseline = CompatibilityGate.latestBaseline(BASELINES);
    CompatibilityGate.Verdict verdict = CompatibilityGate.check(Files.readString(baseline), SpecContract.specText());

    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, verdict.markdown("`" + baseline.getFileName() + "`"));
    assertThat(verdict.passes()).as("breaking changes need a new major info.version:\n" + verdict.report()).isTrue();
  }

  @Test
  void infoVersionIsTheProjectVersion() {
    assertThat(SpecContract.model().getInfo().getVersion()).isEqualTo(System.getProperty("project.version"));
  }

  @Test
  void aNewRequiredRequestFieldFailsTheGate() {
    String breaking = SpecContract.specText().replace("""
                - checkpoint_item_id
                - target
              x-documented:
                required: "Reference page, Table 3: checkpoint_item_id and target are mandatory."
              properties:
        """, """
                - checkpoint_item_id
                - target
                - restore_name
              x-documented:
                required: "Reference page, Table 3: checkpoint_item_id and target are mandatory."
              properties:
                restore_name:
                  type: string
                  description: New and required.
                  maxLength: 64
                  example: nightly
        """);
    assertThat(breaking).isNotEqualTo(SpecContract.specText());

    CompatibilityGate.Verdict verdict = CompatibilityGate.check(SpecContract.specText(), breaking);

    assertThat(verdict.compatible()).isFalse();
    assertThat(verdict.passes()).isFalse();
    assertThat(verdict.report()).contains("restore_name");
  }

  /**
   * Each breaking change of a pull request, against a released baseline (the spec as 0.1.0, the
   * pull request's spec as 0.1.1-SNAPSHOT): the verdict is the report's own classification, so a
   * row classified breaking fails the gate whatever openapi-diff's overall verdict says.
   */
  @Test
  void aRenamedResponseFieldFailsTheGate() {
    String renamed = replaceOnce(SpecContract.specText(),
        "        error_msg:\n          type: string\n          description: Error reason when",
        "        error_message:\n          type: string\n          description: Error reason when");

    assertFailsAgainstARelease(renamed, "property removed", "`restorable[].error_msg`");
  }

  @Test
  void aRemovedResponseFieldFailsTheGate() {
    String removed = replaceOnce(SpecContract.specText(), "        resource_id:\n          type: string\n"
        + "          description: Resource ID.\n          example: 6507cb66-90dc-4a12-a573-c9f3398f899d\n", "");

    assertFailsAgainstARelease(removed, "property removed", "`restorable[].resource_id`");
  }

  @Test
  void aNarrowedRequestEnumFailsTheGate() {
    String type = "          pattern: '^[A-Za-z0-9]+(::[A-Za-z0-9]+)+$'\n";
    String twoTypes = SpecContract.specText().replace(type,
        type + "          enum: [OS::Nova::Server, OS::Ironic::BareMetalServer]\n");
    String oneType = SpecContract.specText().replace(type, type + "          enum: [OS::Nova::Server]\n");
    assertThat(twoTypes).isNotEqualTo(SpecContract.specText());

    CompatibilityGate.Verdict verdict = CompatibilityGate.check(withVersion(twoTypes, "0.1.0"),
        withVersion(oneType, "0.1.1-SNAPSHOT"));

    assertThat(verdict.passes()).as(verdict.report()).isFalse();
    assertThat(verdict.report()).contains("**Breaking**: the build fails", "**breaking** | `enum`",
        "`check_restorable[].target.resource_type`");
  }

  @Test
  void aNewRequiredRequestFieldFailsTheGateAgainstARelease() {
    String required = replaceOnce(replaceOnce(SpecContract.specText(),
        "        - checkpoint_item_id\n        - target\n      x-documented:\n",
        "        - checkpoint_item_id\n        - target\n        - restore_name\n      x-documented:\n"),
        "      properties:\n        checkpoint_item_id:\n",
        "      properties:\n        restore_name:\n          type: string\n          description: New and required.\n"
            + "          maxLength: 64\n          example: nightly\n        checkpoint_item_id:\n");

    assertFailsAgainstARelease(required, "`required`", "restore_name");
  }

  @Test
  void aChangedTypeFailsTheGate() {
    String changed = replaceOnce(SpecContract.specText(), "        result:\n          type: boolean\n",
        "        result:\n          type: string\n");

    assertFailsAgainstARelease(changed, "type boolean → string", "`restorable[].result`");
  }

  @Test
  void aNewOptionalResponseFieldPassesAgainstARelease() {
    String added = replaceOnce(SpecContract.specText(), "      properties:\n        result:\n",
        "      properties:\n        restore_hint:\n          type: string\n          description: New and optional.\n"
            + "          example: stop the server first\n        result:\n");

    CompatibilityGate.Verdict verdict = CompatibilityGate.check(withVersion(SpecContract.specText(), "0.1.0"),
        withVersion(added, "0.1.1-SNAPSHOT"));

    assertThat(verdict.passes()).as(verdict.report()).isTrue();
    assertThat(verdict.report()).contains("**Compatible**", "| compatible | property added | response 200 "
        + "`restorable[].restore_hint`");
  }

  private static void assertFailsAgainstARelease(String working, String... reported) {
    assertThat(working).isNotEqualTo(SpecContract.specText());
    CompatibilityGate.Verdict verdict = CompatibilityGate.check(withVersion(SpecContract.specText(), "0.1.0"),
        withVersion(working, "0.1.1-SNAPSHOT"));

    assertThat(verdict.compatible()).as(verdict.report()).isFalse();
    assertThat(verdict.passes()).as(verdict.report()).isFalse();
    assertThat(verdict.report()).contains("**Breaking**: the build fails").contains(reported)
        .doesNotContain("**Compatible**");
  }

  private static String withVersion(String spec, String version) {
    return spec.replaceFirst("(?m)^  version: .*$", "  version: " + version);
  }

  private static String replaceOnce(String spec, String original, String replacement) {
    int at = spec.indexOf(original);
    assertThat(at).as("spec contains %s", original).isNotNegative();
    assertThat(spec.indexOf(original, at + 1)).as("%s is unique in the spec", original).isNegative();
    return spec.substring(0, at) + replacement + spec.substring(at + original.length());
  }

  @Test
  void aBreakingChangePassesWithANewMajorVersion() {
    String breaking = SpecContract.specText().replace("          maxItems: 60\n", "          maxItems: 10\n");
    String bumped = breaking.replaceFirst("(?m)^  version: .*$", "  version: 1.0.0");

    assertThat(CompatibilityGate.check(SpecContract.specText(), breaking).passes()).isFalse();
    assertThat(CompatibilityGate.check(SpecContract.specText(), bumped).passes()).isTrue();
  }

  @Test
  void aNewOptionalResponseFieldPassesAndIsReported() {
    String compatible = SpecContract.specText().replace("""
              properties:
                result:
        """, """
              properties:
                restore_hint:
                  type: string
                  description: New and optional.
                  maxLength: 128
                  example: stop the server first
                result:
        """);
    assertThat(compatible).isNotEqualTo(SpecContract.specText());

    CompatibilityGate.Verdict verdict = CompatibilityGate.check(SpecContract.specText(), compatible);

    assertThat(verdict.compatible()).isTrue();
    assertThat(verdict.passes()).isTrue();
    assertThat(verdict.report()).contains("restore_hint");
  }

  @Test
  void theReportNamesEveryChangeWithItsClassificationAndPath() {
    String changed = SpecContract.specText().replace("          maxItems: 60\n", "          maxItems: 10\n")
        .replace("          description: Resource ID.\n", "          description: Resource ID.\n          maxLength: 36\n");

    CompatibilityGate.Verdict verdict = CompatibilityGate.check(SpecContract.specText(), changed);

    assertThat(verdict.changes().changes()).extracting(c -> (c.breaking() ? "breaking " : "compatible ") + c.what()
        + " @ " + c.where()).contains(
            "breaking `maxItems` `60` → `10` @ request body `check_restorable[].target.volumes`",
            "compatible `maxLength` none → `36` @ response 200 `restorable[].resource_id`");
    assertThat(verdict.report()).contains("| **breaking** | `maxItems` `60` → `10` | request body "
        + "`check_restorable[].target.volumes` |", "### `POST /v1/{project_id}/providers/{provider_id}/resources/action`");
  }

  @Test
  void aBaselineOfTheVersionBeingDevelopedIsReportedNotGated() {
    String breaking = SpecContract.specText().replace("          maxItems: 60\n", "          maxItems: 10\n");
    String draft = SpecContract.specText().replaceFirst("(?m)^  version: .*$", "  version: 0.3.0");

    CompatibilityGate.Verdict againstDraft = CompatibilityGate.check(draft,
        breaking.replaceFirst("(?m)^  version: .*$", "  version: 0.3.0-SNAPSHOT"));
    CompatibilityGate.Verdict againstRelease = CompatibilityGate.check(draft,
        breaking.replaceFirst("(?m)^  version: .*$", "  version: 0.4.0-SNAPSHOT"));

    assertThat(againstDraft.compatible()).isFalse();
    assertThat(againstDraft.passes()).isTrue();
    assertThat(againstDraft.report()).contains("against a baseline of the unreleased 0.3.0");
    assertThat(againstRelease.passes()).isFalse();
  }
}
