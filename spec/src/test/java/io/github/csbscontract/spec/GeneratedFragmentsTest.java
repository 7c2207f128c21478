package io.github.csbscontract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The lists that are generated into hand-written text: the error table and the list of
 * contract choices in the API guide (docs/api-guide.md, which the rendered docs show below the
 * operation). Each must be exactly what its source (errors.yaml, the spec's marks)
 * gives today. To regenerate them after a change:
 * {@code ./mvnw -pl spec test -Dtest=GeneratedFragmentsTest -Dspec.writeFragments=true}.
 */
class GeneratedFragmentsTest {

  private static final Path GUIDE = Path.of("../docs/api-guide.md");
  private static final boolean WRITE = Boolean.getBoolean("spec.writeFragments");
  private static final String HOW = "; regenerate with ./mvnw -pl spec test -Dtest=GeneratedFragmentsTest"
      + " -Dspec.writeFragments=true";

  @Test
  void theGuidesErrorTableIsTheErrorCatalog() throws IOException {
    check(GUIDE, Files.readString(GUIDE), "error-catalog", ErrorCatalog.markdownTable());
  }

  @Test
  void theGuidesListOfChoicesIsTheSpecsMarks() throws IOException {
    check(GUIDE, Files.readString(GUIDE), "contract-choices", SpecMarks.of(SpecContract.specText()).markdownList());
  }

  @Test
  void theSpecsDescriptionStaysShortAndLeavesTheListsToTheGuide() {
    String description = SpecContract.model().getInfo().getDescription();

    // Generators copy it into every file they write, in every language.
    assertThat(description.length()).isLessThan(4000);
    assertThat(description).contains("docs/api-guide.md", "docs/sources.md").doesNotContain("<!-- ");
  }

  @Test
  void theListOfChoicesNamesEveryChoiceTheIssueAsksAbout() {
    String list = SpecMarks.of(SpecContract.specText()).markdownList();
    assertThat(list).contains("`RestorableTarget.volumes` `maxItems: 60`", "`maxItems: 100`",
        "`RestoreVolumeMapping.volume_id`, `ProtectableParam.resource_id` `pattern: ^[0-9a-f]{8}-",
        "`ProtectableParam.resource_type` `pattern: ", "response 415", "response 429",
        "response 403", "response 503", "`x-unique-item-properties: [backup_id, volume_id]`",
        "operation checkResourceCapabilities");
  }

  @Test
  void aFragmentTakesTheIndentationOfItsMarkers() {
    String text = "a: |\n    x\n    <!-- t:begin -->\n    old\n    <!-- t:end -->\n    y\n";

    String replaced = Fragments.replace(text, "t", "| new |\n\n| row |\n");

    assertThat(replaced)
        .isEqualTo("a: |\n    x\n    <!-- t:begin -->\n\n    | new |\n\n    | row |\n\n    <!-- t:end -->\n    y\n");
    assertThat(Fragments.between(replaced, "t")).isEqualTo("| new |\n\n| row |\n");
  }

  private static void check(Path file, String text, String fragment, String expected) throws IOException {
    if (WRITE) {
      Files.writeString(file, Fragments.replace(Files.readString(file), fragment, expected));
      return;
    }
    assertThat(Fragments.between(text, fragment)).as(file + " <!-- " + fragment + " --> is stale" + HOW)
        .isEqualTo(expected);
  }
}
