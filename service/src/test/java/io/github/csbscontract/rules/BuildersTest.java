package io.github.csbscontract.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildersTest {

  @Test
  void aBackupBuiltByNameEqualsTheOneBuiltInOrder() {
    Backup built = Backup.builder(Fixtures.BACKUP_ID)
        .projectId(Fixtures.PROJECT)
        .name("backup")
        .status(BackupStatus.AVAILABLE)
        .resourceId(Fixtures.SOURCE_ID)
        .resourceType(Fixtures.ECS)
        .availabilityZone("eu-de-01")
        .supportedRestoreMode(RestoreMode.BACKUP)
        .volumeBackup(new Backup.VolumeBackup(Fixtures.SYSTEM_BACKUP, "aaaaaaaa-0000-4000-8000-000000000001", 40, true))
        .volumeBackup(new Backup.VolumeBackup(Fixtures.DATA_BACKUP, "aaaaaaaa-0000-4000-8000-000000000002", 60, false))
        .build();

    assertThat(built).isEqualTo(Fixtures.backup());
  }

  @Test
  void aServerBuiltByNameEqualsTheOneBuiltInOrder() {
    Server built = Server.builder(Fixtures.SERVER_ID)
        .projectId(Fixtures.PROJECT)
        .name("target")
        .status(ServerStatus.ACTIVE)
        .type(Fixtures.ECS)
        .availabilityZone("eu-de-01")
        .volumes(List.of(Fixtures.systemDisk(100, false), Fixtures.dataDisk(100, false)))
        .build();

    assertThat(built).isEqualTo(Fixtures.server());
  }

  @Test
  void aMissingFieldIsNamed() {
    assertThatThrownBy(() -> Backup.builder(Fixtures.BACKUP_ID).projectId(Fixtures.PROJECT).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("backup " + Fixtures.BACKUP_ID).hasMessageContaining("status");
    assertThatThrownBy(() -> Server.builder(Fixtures.SERVER_ID).projectId(Fixtures.PROJECT)
        .status(ServerStatus.ACTIVE).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("server " + Fixtures.SERVER_ID).hasMessageContaining("type");
  }
}
