package io.github.csbscontract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The designers' command: any two spec files, a non-zero exit on a breaking change. */
class SpecCompareTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void aBreakingChangeExitsWithOneAndIsReported() throws Exception {
    Path released = Files.writeString(dir.resolve("openapi-0.1.0.yaml"), SpecContract.specText());
    Path pullRequest = Files.writeString(dir.resolve("pr.yaml"), SpecContract.specText()
        .replace("        error_msg:\n          type: string\n          description: Error reason when",
            "        error_message:\n          type: string\n          description: Error reason when"));

    assertThat(run(released.toString(), pullRequest.toString())).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("**Breaking**",
        "| **breaking** | property removed | response 200 `restorable[].error_msg` |");
  }

  @Test
  void aCompatibleChangeExitsWithZero() throws Exception {
    Path released = Files.writeString(dir.resolve("old.yaml"), SpecContract.specText());
    Path pullRequest = Files.writeString(dir.resolve("new.yaml"), SpecContract.specText()
        .replace("          maxItems: 60\n", "          maxItems: 99\n"));

    assertThat(run(released.toString(), pullRequest.toString())).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("**Compatible**", "`maxItems` `60` → `99`");
  }

  @Test
  void aMissingFileOrArgumentExitsWithTwo() {
    assertThat(run(dir.resolve("absent.yaml").toString(), dir.resolve("absent.yaml").toString())).isEqualTo(2);
    assertThat(SpecCompare.run(new String[] {"only-one.yaml"}, new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: SpecCompare OLD.yaml NEW.yaml");
  }

  @Test
  void theReadmeAndTheDesignersPageDocumentTheCommandThePomRuns() throws Exception {
    for (String page : List.of("../README.md", "../docs/api-designers.md")) {
      assertThat(Files.readString(Path.of(page))).as(page).contains(
          "./mvnw -q -pl spec test-compile exec:java@compare -Dcompare.old=");
    }
    assertThat(Files.readString(Path.of("pom.xml"))).contains("<id>compare</id>",
        "<mainClass>io.github.csbscontract.spec.SpecCompare</mainClass>");
  }

  private int run(String old, String changed) {
    return SpecCompare.run(new String[] {old, changed}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
