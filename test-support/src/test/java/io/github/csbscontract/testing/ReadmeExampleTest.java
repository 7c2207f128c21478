package io.github.csbscontract.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The stand-in page (docs/testing-with-the-stand-in.md) shows the extension's example exactly as it
 * is compiled and run here (example.RestoreDrillTest). The markers keep the name they had when the
 * example was in the README.
 */
class ReadmeExampleTest {

  private static final Path SOURCE = Path.of("src/test/java/io/github/csbscontract/testing/example/RestoreDrillTest.java");
  private static final Path STAND_IN_PAGE = Path.of("../docs/testing-with-the-stand-in.md");

  @Test
  void theStandInPageShowsExactlyTheExampleThatRuns() throws Exception {
    String source = Files.readString(SOURCE);
    String example = source.substring(source.indexOf("// README example start\n") + "// README example start\n".length(),
        source.indexOf("// README example end"));
    assertThat(Files.readString(STAND_IN_PAGE)).contains(example.strip());
  }
}
