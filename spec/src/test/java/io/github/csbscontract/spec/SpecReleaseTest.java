package io.github.csbscontract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release step on copies: the baseline it writes and the CHANGELOG entry it makes from the report. */
class SpecReleaseTest {

  private static final String CHANGELOG = """
      # Changelog

      ## [Unreleased]

      ### Added
      - Something users see.

      ## [0.1.0] - 2026-01-01

      ### Added
      - The first spec.
      """;

  @TempDir
  Path dir;

  @Test
  void theReleaseWritesTheBaselineAndTurnsTheReportIntoTheChangelogEntry() throws Exception {
    Path baselines = Files.createDirectories(dir.resolve("baseline"));
    Files.writeString(baselines.resolve("openapi-0.1.0.yaml"), withVersion(SpecContract.specText(), "0.1.0"));
    Path changelog = Files.writeString(dir.resolve("CHANGELOG.md"), CHANGELOG);
    String working = withVersion(SpecContract.specText(), "0.2.0-SNAPSHOT")
        .replace("          maxItems: 60\n", "          maxItems: 10\n");

    Path written = SpecRelease.release(working, "0.2.0", LocalDate.of(2026, 12, 1), baselines, changelog);

    assertThat(written).isEqualTo(baselines.resolve("openapi-0.2.0.yaml"));
    assertThat(SpecRelease.infoVersion(Files.readString(written))).isEqualTo("0.2.0");
    assertThat(Files.readString(changelog)).isEqualTo("""
        # Changelog

        ## [Unreleased]

        ## [0.2.0] - 2026-12-01

        ### Added
        - Something users see.

        ### API (against 0.1.0, breaking)
        - **Breaking:** `maxItems` `60` → `10` (`POST /v1/{project_id}/providers/{provider_id}/resources/action`, \
        request body `check_restorable[].target.volumes`)

        ## [0.1.0] - 2026-01-01

        ### Added
        - The first spec.
        """);
  }

  @Test
  void aDraftBaselineOfTheReleasedVersionIsReplacedAndTheFirstReleaseSaysSo() throws Exception {
    Path baselines = Files.createDirectories(dir.resolve("baseline"));
    Files.writeString(baselines.resolve("openapi-0.1.0.yaml"), "draft");
    Path changelog = Files.writeString(dir.resolve("CHANGELOG.md"), "# Changelog\n\n## [Unreleased]\n\n### Added\n- All.\n");

    SpecRelease.release(SpecContract.specText(), "0.1.0", LocalDate.of(2026, 12, 1), baselines, changelog);

    assertThat(SpecRelease.infoVersion(Files.readString(baselines.resolve("openapi-0.1.0.yaml")))).isEqualTo("0.1.0");
    assertThat(Files.readString(changelog)).isEqualTo("# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-12-01\n\n"
        + "### Added\n- All.\n\n### API\n- First release of the spec.\n\n");
  }

  @Test
  void aCompatibleReleaseListsItsChangesAsCompatible() throws Exception {
    Path baselines = Files.createDirectories(dir.resolve("baseline"));
    Files.writeString(baselines.resolve("openapi-0.1.0.yaml"), withVersion(SpecContract.specText(), "0.1.0"));
    Path changelog = Files.writeString(dir.resolve("CHANGELOG.md"), "## [Unreleased]\n");
    String working = SpecContract.specText().replace("          maxItems: 60\n", "          maxItems: 99\n");

    SpecRelease.release(working, "0.1.1", LocalDate.of(2026, 12, 1), baselines, changelog);

    assertThat(Files.readString(changelog)).contains("### API (against 0.1.0, compatible)\n- `maxItems` `60` → `99`");
  }

  private static String withVersion(String spec, String version) {
    return spec.replaceFirst("(?m)^  version: .*$", "  version: " + version);
  }
}
