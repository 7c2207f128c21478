package io.github.csbscontract.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.rules.BackupStatus;
import io.github.csbscontract.rules.ServerStatus;
import io.github.csbscontract.service.TokenLookup.TokenScope;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {

  private final Catalog demo = DemoCatalog.load();

  @Test
  void tokensNameTheirProjects() {
    assertThat(demo.scopeOf(DemoCatalog.TOKEN_A)).contains(new TokenScope(DemoCatalog.PROJECT_A, true));
    assertThat(demo.scopeOf(DemoCatalog.TOKEN_B)).hasValueSatisfying(p -> assertThat(p.projectId()).isNotEqualTo(DemoCatalog.PROJECT_A));
    assertThat(demo.scopeOf("demo-token-unverified-user")).hasValueSatisfying(p -> assertThat(p.userVerified()).isFalse());
    assertThat(demo.scopeOf("not-a-token")).isEmpty();
  }

  @Test
  void theSeedExampleIsThere() {
    assertThat(demo.server(DemoCatalog.PROJECT_A, "5aa119a8-d25b-45a7-8d1b-88e127885635"))
        .hasValueSatisfying(server -> assertThat(server.status()).isEqualTo(ServerStatus.ACTIVE));
    assertThat(demo.backup(DemoCatalog.PROJECT_A, "8986ce68-3da7-4d29-9cc2-1921e9504975"))
        .hasValueSatisfying(backup -> assertThat(backup.status()).isEqualTo(BackupStatus.AVAILABLE));
  }

  @Test
  void anotherProjectsThingsDoNotExist() {
    assertThat(demo.server("5b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e", "5aa119a8-d25b-45a7-8d1b-88e127885635")).isEmpty();
    assertThat(demo.backup("5b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e", "8986ce68-3da7-4d29-9cc2-1921e9504975")).isEmpty();
  }

  @Test
  void itsContentsCanBeReadToLoadIntoAnotherStore() {
    Catalog copy = CatalogBuilder.from(demo).build();

    assertThat(demo.servers()).isNotEmpty().allSatisfy(server ->
        assertThat(copy.server(server.projectId(), server.id())).contains(server));
    assertThat(demo.backups()).isNotEmpty().allSatisfy(backup ->
        assertThat(copy.backup(backup.projectId(), backup.id())).contains(backup));
    assertThat(demo.servers()).extracting(io.github.csbscontract.rules.Server::id)
        .contains("5aa119a8-d25b-45a7-8d1b-88e127885635");
  }

  @Test
  void tokensStayOutOfItsDescription() {
    assertThat(demo.toString()).doesNotContain(DemoCatalog.TOKEN_A);
  }
}
