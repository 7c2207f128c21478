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
    Files.writeString(REPORT, "# openapi.yaml " + verdict.workingVersion() + " against " + baseline.getFileName()
        + "\n\nVerdict: " + (verdict.compatible() ? "compatible" : "INCOMPATIBLE")
        + (verdict.passes() ? "" : " without a new major info.version: the build fails") + "\n\n" + verdict.report());
    assertThat(verdict.passes()).as("breaking changes need a new major info.version:\n" + verdict.report()).isTrue();
  }

  @Test
  void infoVersionIsTheProjectVersion() {
    assertThat(SpecContract.model().getInfo().getVersion()).isEqualTo(System.getProperty("project.version"));
  }

  @Test
  void aNewRequiredRequestFieldFailsTheGate() {
    String breaking = SpecContract.specText().replace("""
              required:
                - checkpoint_item_id
                - target
              properties:
        """, """
              required:
                - checkpoint_item_id
                - target
                - restore_name
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
}
