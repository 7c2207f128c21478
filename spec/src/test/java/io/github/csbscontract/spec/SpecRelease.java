package io.github.csbscontract.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The spec's release step: the working spec becomes {@code baseline/openapi-<version>.yaml} (the
 * next gate's baseline), and the CHANGELOG's {@code Unreleased} section becomes the version's
 * entry, closed by the API changes against the previous release, as the compatibility report
 * lists them. Run it with {@code ./mvnw -pl spec verify -Prelease [-Drelease.version=X.Y.Z]}
 * (the version defaults to the spec's {@code info.version} without {@code -SNAPSHOT}).
 */
public final class SpecRelease {

  private static final Pattern BASELINE = Pattern.compile("openapi-(\\d+\\.\\d+\\.\\d+)\\.yaml");
  private static final Pattern INFO_VERSION = Pattern.compile("(?m)^  version: (.*)$");
  private static final String UNRELEASED = "## [Unreleased]";

  private SpecRelease() {}

  /** {@code args}: the version (optional), the spec file, the baseline folder and the changelog. */
  public static void main(String[] args) throws IOException {
    Path spec = Path.of(args.length > 1 ? args[1] : "src/main/resources/openapi.yaml");
    Path baselines = Path.of(args.length > 2 ? args[2] : "baseline");
    Path changelog = Path.of(args.length > 3 ? args[3] : "../CHANGELOG.md");
    String specText = Files.readString(spec);
    String version = args.length > 0 && args[0] != null && !args[0].isBlank()
        ? args[0] : infoVersion(specText).replace("-SNAPSHOT", "");
    Path written = release(specText, version, LocalDate.now(), baselines, changelog);
    System.out.println("released openapi.yaml " + version + ": " + written + " and " + changelog);
  }

  /** Writes the baseline and the changelog entry; returns the baseline written. */
  static Path release(String specText, String version, LocalDate date, Path baselines, Path changelog) {
    if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
      throw new IllegalArgumentException("release version must be X.Y.Z: " + version);
    }
    String released = INFO_VERSION.matcher(specText).replaceFirst("  version: " + version);
    Optional<Path> previous = previousRelease(baselines, version);
    List<String> api = previous.map(p -> {
      CompatibilityGate.Verdict verdict = CompatibilityGate.check(read(p), released);
      List<String> lines = verdict.changes().changelogLines();
      String heading = "### API (against " + p.getFileName().toString().replace(".yaml", "").replace("openapi-", "")
          + (verdict.compatible() ? ", compatible" : ", breaking") + ")";
      return Stream.concat(Stream.of(heading), lines.isEmpty() ? Stream.of("- No changes to what clients send or receive.")
          : lines.stream()).toList();
    }).orElse(List.of("### API", "- First release of the spec."));
    try {
      Path baseline = baselines.resolve("openapi-" + version + ".yaml");
      Files.writeString(baseline, released);
      Files.writeString(changelog, entry(Files.readString(changelog), version, date, api));
      return baseline;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The changelog with its Unreleased section moved under the version, the API lines at its end. */
  static String entry(String changelog, String version, LocalDate date, List<String> api) {
    int start = changelog.indexOf(UNRELEASED);
    if (start < 0) {
      throw new IllegalStateException("the changelog has no " + UNRELEASED + " section");
    }
    int bodyStart = start + UNRELEASED.length();
    Matcher next = Pattern.compile("(?m)^## \\[").matcher(changelog);
    int end = next.find(bodyStart) ? next.start() : changelog.length();
    String body = changelog.substring(bodyStart, end).strip();
    StringBuilder section = new StringBuilder(UNRELEASED).append("\n\n## [").append(version).append("] - ")
        .append(date).append("\n\n");
    if (!body.isEmpty()) {
      section.append(body).append("\n\n");
    }
    section.append(String.join("\n", api)).append("\n\n");
    return changelog.substring(0, start) + section + changelog.substring(end);
  }

  /** The newest baseline of a version before the one released (a draft of that version is not one). */
  static Optional<Path> previousRelease(Path baselines, String version) {
    try (Stream<Path> files = Files.list(baselines)) {
      return files.filter(f -> {
        Matcher m = BASELINE.matcher(f.getFileName().toString());
        return m.matches() && key(m.group(1)).compareTo(key(version)) < 0;
      }).max(Comparator.comparing(f -> key(BASELINE.matcher(f.getFileName().toString()).replaceFirst("$1"))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String infoVersion(String specText) {
    Matcher m = INFO_VERSION.matcher(specText);
    if (!m.find()) {
      throw new IllegalStateException("the spec has no info.version");
    }
    return m.group(1).trim();
  }

  private static String key(String version) {
    String[] parts = version.split("\\.");
    return String.format("%06d.%06d.%06d", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
        Integer.parseInt(parts[2]));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
