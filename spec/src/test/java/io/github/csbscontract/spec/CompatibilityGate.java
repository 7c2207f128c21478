package io.github.csbscontract.spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The breaking-change gate: the working spec against the last released one. An incompatible
 * change passes only with a new major {@code info.version}.
 */
final class CompatibilityGate {

  private static final Pattern BASELINE = Pattern.compile("openapi-(\\d+)\\.(\\d+)\\.(\\d+)\\.yaml");

  /** The outcome, with openapi-diff's Markdown report. */
  record Verdict(boolean passes, boolean compatible, String baselineVersion, String workingVersion, String report) {}

  private CompatibilityGate() {}

  static Verdict check(String baselineText, String workingText) {
    ChangedOpenApi diff = OpenApiCompare.fromContents(baselineText, workingText);
    String oldVersion = diff.getOldSpecOpenApi().getInfo().getVersion();
    String newVersion = diff.getNewSpecOpenApi().getInfo().getVersion();
    boolean compatible = !diff.isIncompatible();
    return new Verdict(compatible || major(newVersion) > major(oldVersion), compatible, oldVersion, newVersion,
        markdown(diff));
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

  private static String markdown(ChangedOpenApi diff) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      new MarkdownRender().render(diff, writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String body = bytes.toString(StandardCharsets.UTF_8);
    return body.isBlank() ? "No differences.\n" : body;
  }
}
