package io.github.csbscontract.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csbscontract.demo.DemoCatalog;
import io.github.csbscontract.server.catalog.Catalog;
import io.github.csbscontract.server.catalog.CatalogLoader;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The demo artifact, which other runtimes serve, holds what the reference server holds. */
class DemoCatalogTest {

  @Test
  void everyServerBackupAndTokenIsTheReferenceServers() throws Exception {
    Catalog reference = CatalogLoader.demo();
    DemoCatalog demo = DemoCatalog.load();
    JsonNode file;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(CatalogLoader.DEMO_RESOURCE)) {
      file = new ObjectMapper().readTree(in);
    }

    assertThat(file.get("servers")).isNotEmpty();
    for (JsonNode server : file.get("servers")) {
      String project = server.get("project_id").asText();
      String id = server.get("id").asText();
      assertThat(demo.server(project, id)).isEqualTo(reference.server(project, id)).isPresent();
    }
    assertThat(file.get("backups")).isNotEmpty();
    for (JsonNode backup : file.get("backups")) {
      String project = backup.get("project_id").asText();
      String id = backup.get("id").asText();
      assertThat(demo.backup(project, id)).isEqualTo(reference.backup(project, id)).isPresent();
    }
    for (JsonNode project : file.get("projects")) {
      for (JsonNode token : project.get("tokens")) {
        assertThat(demo.projectOf(token.asText())).contains(project.get("id").asText());
        assertThat(reference.projectForToken(token.asText()).orElseThrow().id()).isEqualTo(project.get("id").asText());
      }
    }
  }
}
