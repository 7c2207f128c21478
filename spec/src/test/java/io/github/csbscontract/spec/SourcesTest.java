package io.github.csbscontract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every documented mark cites a page listed in docs/sources.md, by the name in its first
 * column, and the contract's texts use no words a reviewer cannot resolve.
 */
class SourcesTest {

  private static final Path SOURCES = Path.of("../docs/sources.md");
  private static final Path ERRORS = Path.of("src/main/resources/errors.yaml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  /** A row of the sources table: | name | "title" (...) | https://... |. */
  private static final Pattern SOURCE_ROW = Pattern.compile("(?m)^\\| ([A-Z][A-Za-z ]+) \\| \"[^\"]+\"[^|]* \\| (https://\\S+)");

  @Test
  void everySourceHasATitleAndAPublicAddress() throws IOException {
    assertThat(sourceNames()).hasSizeGreaterThanOrEqualTo(5).contains("Reference page", "CSBS error codes page",
        "API Gateway error codes page");
  }

  @Test
  void everyDocumentedMarkOfTheSpecCitesAListedSource() throws IOException {
    List<String> citations = new ArrayList<>();
    collect(YAML.readTree(SpecContract.specText()), citations);

    assertThat(citations).hasSizeGreaterThan(10);
    assertThat(unresolved(citations)).isEmpty();
  }

  @Test
  void everyDocumentedEntryOfTheErrorCatalogCitesAListedSource() throws IOException {
    List<String> citations = new ArrayList<>();
    ErrorCatalog.entries().forEach(e -> {
      if (e.documented() != null) {
        citations.add(e.documented());
      }
    });

    assertThat(citations).hasSizeGreaterThan(20);
    assertThat(unresolved(citations)).isEmpty();
  }

  @Test
  void aMarkCitingAnUnlistedSourceIsFound() throws IOException {
    assertThat(unresolved(List.of("csbs-facts: IDs are UUIDs.", "Reference page, Table 3: mandatory.")))
        .containsExactly("csbs-facts: IDs are UUIDs.");
  }

  @Test
  void theContractsTextsUseNoInternalNames() throws IOException {
    for (Path text : List.of(Path.of("src/main/resources/openapi.yaml"), ERRORS, Path.of("../README.md"),
        Path.of("../docs/api-designers.md"), Path.of("../docs/api-guide.md"), SOURCES)) {
      assertThat(Files.readString(text)).as(text.toString()).doesNotContain("csbs-facts", "seed table");
    }
  }

  private static List<String> unresolved(List<String> citations) throws IOException {
    List<String> names = sourceNames();
    return citations.stream().filter(c -> names.stream().noneMatch(n -> c.startsWith(n + ",")
        || c.startsWith(n + ":") || c.startsWith(n + " and "))).toList();
  }

  private static List<String> sourceNames() throws IOException {
    List<String> names = new ArrayList<>();
    Matcher row = SOURCE_ROW.matcher(Files.readString(SOURCES));
    while (row.find()) {
      names.add(row.group(1));
    }
    return names;
  }

  /** The values of every x-documented map in the tree. */
  private static void collect(JsonNode node, List<String> citations) {
    node.fields().forEachRemaining(field -> {
      if (SpecMarks.DOCUMENTED.equals(field.getKey())) {
        field.getValue().forEach(source -> citations.add(source.asText()));
      } else {
        collect(field.getValue(), citations);
      }
    });
    if (node.isArray()) {
      node.forEach(item -> collect(item, citations));
    }
  }
}
