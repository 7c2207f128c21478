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
