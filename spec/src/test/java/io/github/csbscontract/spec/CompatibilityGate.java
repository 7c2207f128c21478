package io.github.csbscontract.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * The breaking-change gate: the working spec against the last released one. An incompatible
 * change passes only with a new major {@code info.version}, or against a baseline of the very
 * version being developed (a draft: {@code openapi-0.1.0.yaml} while the spec is
 * {@code 0.1.0-SNAPSHOT}), which the release step replaces.
 */
final class CompatibilityGate {

  private static final Pattern BASELINE = Pattern.compile("openapi-(\\d+)\\.(\\d+)\\.(\\d+)\\.yaml");

  /**
   * The outcome, with every change found.
   *
   * @param draftBaseline the baseline is the version being developed (X.Y.Z against X.Y.Z-SNAPSHOT):
   *     that version was never released, so its changes are reported but gate nothing
   */
  record Verdict(boolean passes, boolean compatible, boolean draftBaseline, String baselineVersion,
      String workingVersion, CompatibilityReport changes) {

    /** The changes as Markdown, for the report a pull request shows. */
    String report() {
      return markdown("the last release");
    }

    /** The report titled with the baseline's name, with the verdict first. */
    String markdown(String baseline) {
      String verdict = compatible ? "**Compatible**: nothing breaks existing clients"
          : draftBaseline ? "**Breaking**, against a baseline of the unreleased " + baselineVersion
              + ": reported, not gated; the release step replaces that baseline"
          : passes ? "**Breaking**, released as a new major version (" + workingVersion + ")"
          : "**Breaking**: the build fails until `info.version` gets a new major version";
      return changes.markdown("API changes: `openapi.yaml` " + workingVersion + " against " + baseline, verdict);
    }
  }

  private CompatibilityGate() {}

  static Verdict check(String baselineText, String workingText) {
    ChangedOpenApi diff = OpenApiCompare.fromContents(baselineText, workingText);
    String oldVersion = diff.getOldSpecOpenApi().getInfo().getVersion();
    String newVersion = diff.getNewSpecOpenApi().getInfo().getVersion();
    CompatibilityReport report = CompatibilityReport.of(diff);
    // The verdict is the report's: one row classified breaking is a breaking change, whatever
    // openapi-diff's overall verdict says (it lets a removed optional response field pass).
    boolean compatible = report.changes().stream().noneMatch(CompatibilityReport.Change::breaking);
    boolean draftBaseline = newVersion.equals(oldVersion + "-SNAPSHOT");
    return new Verdict(compatible || draftBaseline || major(newVersion) > major(oldVersion), compatible,
        draftBaseline, oldVersion, newVersion, report);
  }

  /** The newest {@code openapi-X.Y.Z.yaml} in the folder. */
  static Path latestBaseline(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> BASELINE.matcher(f.getFileName().toString()).matches())
          .max(Comparator.comparing(f -> versionKey(f.getFileName().toString())))
          .orElseThrow(() -> new IllegalStateException("no openapi-X.Y.Z.yaml in " + folder));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int major(String version) {
    return Integer.parseInt(version.replaceAll("^(\\d+).*", "$1"));
  }

  private static String versionKey(String name) {
    Matcher m = BASELINE.matcher(name);
    m.matches();
    return String.format("%06d.%06d.%06d", Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)));
  }
}
