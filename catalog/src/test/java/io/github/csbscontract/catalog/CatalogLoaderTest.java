package io.github.csbscontract.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogLoaderTest {

  private static final String PROJECT_A = "0605767ab000d4c12f3bc0033d9d5d06";
  private static final String PROJECT_B = "5b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e";

  @TempDir
  Path dir;

  @Test
  void theDemoCatalogHasTwoProjectsWithTheirOwnTokens() {
    Catalog demo = CatalogLoader.demo();
    assertThat(demo.projectForToken("demo-token-project-a")).map(Project::id).contains(PROJECT_A);
    assertThat(demo.projectForToken("demo-token-project-b")).map(Project::id).contains(PROJECT_B);
    assertThat(demo.projectForToken("demo-token-project-c")).isEmpty();
    assertThat(demo.backup(PROJECT_A, "8986ce68-3da7-4d29-9cc2-1921e9504975")).isPresent();
    assertThat(demo.backup(PROJECT_B, "8986ce68-3da7-4d29-9cc2-1921e9504975"))
        .as("another project's backup does not exist for it").isEmpty();
  }

  @Test
  void projectsAreVerifiedUnlessTheCatalogSaysOtherwise() throws Exception {
    Catalog demo = CatalogLoader.demo();
    assertThat(demo.projectForToken("demo-token-project-a")).map(Project::verified).contains(true);
    assertThat(demo.projectForToken("demo-token-unverified-user")).map(Project::verified).contains(false);

    Path file = write("""
        {"projects": [{"id": "%s", "name": "a", "tokens": ["token-of-a-1"]},
                      {"id": "%s", "name": "b", "tokens": ["token-of-b-1"], "verified": false}],
         "servers": [], "backups": []}""".formatted(PROJECT_A, PROJECT_B));
    Catalog catalog = CatalogLoader.load(file);
    assertThat(catalog.projectForToken("token-of-a-1")).map(Project::verified).contains(true);
    assertThat(catalog.projectForToken("token-of-b-1")).map(Project::verified).contains(false);
  }

  @Test
  void aVerifiedFlagThatIsNotABooleanIsReportedWithItsPath() throws Exception {
    Path file = write("""
        {"projects": [{"id": "%s", "name": "a", "tokens": ["token-of-a-1"], "verified": "no"}],
         "servers": [], "backups": []}""".formatted(PROJECT_A));
    assertThatThrownBy(() -> CatalogLoader.load(file)).hasMessageContaining("$.projects[0].verified");
  }

  @Test
  void theDemoCatalogMatchesItsDocumentedSchema() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode schema = json.readTree(resource("io/github/csbscontract/catalog/catalog.schema.json"));
    JsonNode demo = json.readTree(resource(CatalogLoader.DEMO_RESOURCE));
    ProcessingReport report = JsonSchemaFactory.byDefault().getJsonSchema(schema).validate(demo);
    assertThat(report.isSuccess()).as(report.toString()).isTrue();
  }

  @Test
  void aFileThatIsNotJsonIsReportedWithFileLineAndColumn() throws Exception {
    Path file = write("{\"projects\": [\n  {\"id\": }\n]}");
    assertThatThrownBy(() -> CatalogLoader.load(file))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("catalog file " + file + ": ")
        .hasMessageContaining("line 2, column");
  }

  @Test
  void aWrongValueIsReportedWithItsPath() throws Exception {
    Path file = write(demoText().replaceFirst("\"status\": \"ACTIVE\"", "\"status\": \"RUNNING\""));
    assertThatThrownBy(() -> CatalogLoader.load(file))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("$.servers[0].status")
        .hasMessageContaining("\"RUNNING\" is not one of ACTIVE")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("`", "io.github", "class "));
  }

  @Test
  void aMissingFieldIsReportedWithItsPath() throws Exception {
    Path file = write(demoText().replaceFirst("\"availability_zone\": \"eu-de-01\",", ""));
    assertThatThrownBy(() -> CatalogLoader.load(file))
        .hasMessageContaining("$.servers[0]")
        .hasMessageContaining("availability_zone");
  }

  @Test
  void aTypoInAFieldNameIsNotIgnored() throws Exception {
    Path file = write(demoText().replaceFirst("\"shareable\"", "\"sharable\""));
    // Jackson meets the record's missing field before the stray one; either names the typo's place.
    assertThatThrownBy(() -> CatalogLoader.load(file))
        .hasMessageContaining("$.servers[0].volumes[0].shareable").hasMessageEndingWith("missing field");
  }

  @Test
  void brokenReferencesAndDuplicatesAreEachNamed() throws Exception {
    String text = demoText()
        .replaceFirst("\"project_id\": \"" + PROJECT_A + "\"", "\"project_id\": \"ffffffffffffffffffffffffffffffff\"")
        .replace("\"demo-token-project-b\"", "\"demo-token-project-a\"");
    Path file = write(text);
    assertThatThrownBy(() -> CatalogLoader.load(file))
        .hasMessageContaining("$.servers[0].project_id: unknown project ffffffffffffffffffffffffffffffff")
        .hasMessageContaining("$.projects[1].tokens[0]: token already belongs to another project");
  }

  /** Each is refused by catalog.schema.json, and must be by the loader too, naming the JSON path. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a token with CR LF       | "demo-token-project-a"             | "demo-token\\r\\nproject-a"            | $.projects[0].tokens[0]
      a token with a space     | "demo-token-project-a"             | "demo token project a"                 | $.projects[0].tokens[0]
      verified as a number     | "verified": false                  | "verified": 0                          | $.projects[2].verified
      verified as a string     | "verified": false                  | "verified": "false"                    | $.projects[2].verified
      a size as a string       | "size_gb": 100                     | "size_gb": "12"                        | $.servers[0].volumes[0].size_gb
      a size with a fraction   | "size_gb": 100                     | "size_gb": 1.9                         | $.servers[0].volumes[0].size_gb
      a name as a number       | "name": "demo-project-a"           | "name": 7                              | $.projects[0].name
      a zone that is empty     | "availability_zone": "eu-de-01"    | "availability_zone": ""                | $.servers[0].availability_zone
      """)
  void whatTheSchemaRefusesTheLoaderRefusesNamingThePath(String what, String from, String to, String path) throws Exception {
    String text = demoText().replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
    assertThat(text).as("the case applies").isNotEqualTo(demoText());
    ObjectMapper json = new ObjectMapper();
    JsonNode schema = json.readTree(resource("io/github/csbscontract/catalog/catalog.schema.json"));
    assertThat(JsonSchemaFactory.byDefault().getJsonSchema(schema).validate(json.readTree(text)).isSuccess())
        .as("the schema refuses " + what).isFalse();

    Path file = write(text);
    assertThatThrownBy(() -> CatalogLoader.load(file)).isInstanceOf(CatalogException.class)
        .hasMessageMatching("(?s).*" + Pattern.quote(path) + "( \\(line \\d+, column \\d+\\))?: .*");
  }

  @Test
  void aRefusedValueIsPlacedByLineAndColumnToo() throws Exception {
    Path file = write("{\"projects\": [],\n \"servers\": [{\"id\": 42}], \"backups\": []}");
    assertThatThrownBy(() -> CatalogLoader.load(file)).hasMessageContaining("$.servers[0].")
        .hasMessageContaining("(line 2, column 14)");
    Path typed = write(demoText().replaceFirst("\"size_gb\": 100", "\"size_gb\": \"100\""));
    assertThatThrownBy(() -> CatalogLoader.load(typed))
        .hasMessageMatching("(?s).*\\$\\.servers\\[0]\\.volumes\\[0]\\.size_gb \\(line \\d+, column \\d+\\): must be a whole number.*");
  }

  @Test
  void aFileInUtf16IsRefusedAsNotUtf8() throws Exception {
    Path file = dir.resolve("utf16.json");
    Files.write(file, demoText().getBytes(StandardCharsets.UTF_16));
    assertThatThrownBy(() -> CatalogLoader.load(file)).isInstanceOf(CatalogException.class)
        .hasMessageContaining("must be UTF-8");
  }

  @Test
  void theBuilderRefusesTheSameTokensAndBuildsAnUnverifiedUser() {
    assertThatThrownBy(() -> CatalogBuilder.empty().project(PROJECT_A, p -> p.token("has a space")).build())
        .isInstanceOf(CatalogException.class).hasMessageContaining("$.projects[0].tokens[0]: must be visible ASCII");

    Catalog catalog = CatalogBuilder.empty().project(PROJECT_A, p -> p.token("token-of-a-1").unverified()).build();
    assertThat(catalog.scopeOf("token-of-a-1")).map(scope -> scope.userVerified()).contains(false);
  }

  private static String demoText() throws Exception {
    try (InputStream in = resource(CatalogLoader.DEMO_RESOURCE)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private Path write(String text) throws Exception {
    Path file = dir.resolve("catalog.json");
    Files.writeString(file, text);
    return file;
  }

  private static InputStream resource(String name) {
    return CatalogLoaderTest.class.getClassLoader().getResourceAsStream(name);
  }
}
