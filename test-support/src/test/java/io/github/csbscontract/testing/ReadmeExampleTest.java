package io.github.csbscontract.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows the extension's example exactly as it is compiled and run here (example.RestoreDrillTest). */
class ReadmeExampleTest {

  private static final Path SOURCE = Path.of("src/test/java/io/github/csbscontract/testing/example/RestoreDrillTest.java");
  private static final Path README = Path.of("../README.md");

  @Test
  void theReadmeShowsExactlyTheExampleThatRuns() throws Exception {
    String source = Files.readString(SOURCE);
    String example = source.substring(source.indexOf("// README example start\n") + "// README example start\n".length(),
        source.indexOf("// README example end"));
    assertThat(Files.readString(README)).contains(example.strip());
  }
}
