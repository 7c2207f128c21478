package io.github.csbscontract.rules;

import static io.github.csbscontract.rules.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RestoreRuleTest {

  private static final String BMS = io.github.csbscontract.core.Contract.BMS;

  @Test
  void aWholeRestoreOntoAFittingServerPassesEveryRule() {
    RestoreContext c = context(wholeRestore(), backup(), server());
    for (RestoreRule rule : RestoreRule.values()) {
      assertThat(rule.check(c)).as(rule.name()).isNull();
    }
    assertThat(RestoreRule.firstFailure(c)).isNull();
  }

  @Test
  void backupExists() {
    assertThat(RestoreRule.BACKUP_EXISTS.check(context(wholeRestore(), null, server())))
        .isEqualTo(new CheckFailure("CSBS.3001", "Checkpoint_item (" + BACKUP_ID + ") is not found."));
  }

  @ParameterizedTest
  @EnumSource(value = BackupStatus.class, names = {"WAITING_PROTECT", "PROTECTING", "WAITING_RESTORE", "RESTORING", "WAITING_DELETE", "DELETING"})
  void backupNotExecuting(BackupStatus busy) {
    var c = context(wholeRestore(), backup(busy, RestoreMode.BACKUP, ECS, "eu-de-01"), server());
    assertThat(RestoreRule.BACKUP_NOT_EXECUTING.check(c)).isEqualTo(new CheckFailure("CSBS.2003", "item in executing"));
  }

  @ParameterizedTest
  @EnumSource(value = BackupStatus.class, names = {"ERROR", "DELETED"})
  void backupAvailable(BackupStatus unusable) {
    var c = context(wholeRestore(), backup(unusable, RestoreMode.BACKUP, ECS, "eu-de-01"), server());
    assertThat(RestoreRule.BACKUP_NOT_EXECUTING.check(c)).isNull();
    assertThat(RestoreRule.BACKUP_AVAILABLE.check(c))
        .isEqualTo(new CheckFailure("CSBS.4000", "checkpoint item not available"));
  }

  @Test
  void typeRestorableRefusesATargetThatIsNotAServer() {
    var item = wholeRestore();
    item.getTarget().setResourceType("OS::Cinder::Volume");
    assertThat(RestoreRule.TYPE_RESTORABLE.check(context(item, backup(), server())))
        .isEqualTo(new CheckFailure("CSBS.6013", "Resource (" + SERVER_ID + ") type (OS::Cinder::Volume) is not support restoration."));
  }

  @Test
  void typeRestorableRefusesABackupWithoutRestoreMode() {
    var c = context(wholeRestore(), backup(BackupStatus.AVAILABLE, RestoreMode.NA, ECS, "eu-de-01"), server());
    assertThat(RestoreRule.TYPE_RESTORABLE.check(c))
        .isEqualTo(new CheckFailure("CSBS.6013", "Resource (" + SOURCE_ID + ") type (OS::Nova::Server) is not support restoration."));
  }

  @Test
  void targetServerExists() {
    assertThat(RestoreRule.TARGET_SERVER_EXISTS.check(context(wholeRestore(), backup(), null)))
        .isEqualTo(new CheckFailure("CSBS.6000", "server do not exist"));
  }

  @ParameterizedTest
  @EnumSource(value = ServerStatus.class, names = {"ACTIVE", "SHUTOFF"}, mode = EnumSource.Mode.EXCLUDE)
  void targetServerSteady(ServerStatus busy) {
    var c = context(wholeRestore(), backup(), server(busy, ECS, "eu-de-01", systemDisk(100, false), dataDisk(100, false)));
    assertThat(RestoreRule.TARGET_SERVER_STEADY.check(c)).isEqualTo(new CheckFailure("CSBS.6015", "The server is restoring."));
  }

  @Test
  void aStoppedServerCanBeRestored() {
    var c = context(wholeRestore(), backup(), server(ServerStatus.SHUTOFF, ECS, "eu-de-01", systemDisk(100, false), dataDisk(100, false)));
    assertThat(RestoreRule.firstFailure(c)).isNull();
  }

  @Test
  void targetTypeIsServerType() {
    var c = context(wholeRestore(), backup(), server(ServerStatus.ACTIVE, BMS, "eu-de-01", systemDisk(100, false), dataDisk(100, false)));
    assertThat(RestoreRule.TARGET_TYPE_IS_SERVER_TYPE.check(c))
        .isEqualTo(new CheckFailure("CSBS.6016", "can not restore server type is not allow"));
  }

  @Test
  void sourceTypeIsTargetType() {
    var item = wholeRestore();
    item.getTarget().setResourceType(BMS);
    var c = context(item, backup(), server(ServerStatus.ACTIVE, BMS, "eu-de-01", systemDisk(100, false), dataDisk(100, false)));
    assertThat(RestoreRule.TARGET_TYPE_IS_SERVER_TYPE.check(c)).isNull();
    assertThat(RestoreRule.SOURCE_TYPE_IS_TARGET_TYPE.check(c)).isEqualTo(new CheckFailure("CSBS.6019",
        "The source server (" + SOURCE_ID + ") type (OS::Nova::Server) is not the same as the target server ("
            + SERVER_ID + ") type (" + BMS + ")."));
  }

  @Test
  void sameAvailabilityZone() {
    var c = context(wholeRestore(), backup(BackupStatus.AVAILABLE, RestoreMode.BACKUP, ECS, "eu-de-02"), server());
    assertThat(RestoreRule.SAME_AVAILABILITY_ZONE.check(c)).isEqualTo(new CheckFailure("CSBS.6025",
        "The AZ of local checkpoint item (" + BACKUP_ID + ") is not support to restore the resource (" + SERVER_ID + ")."));
  }

  @Test
  void targetHasVolumes() {
    var c = context(wholeRestore(), backup(), server(ServerStatus.ACTIVE, ECS, "eu-de-01"));
    assertThat(RestoreRule.TARGET_HAS_VOLUMES.check(c))
        .isEqualTo(new CheckFailure("CSBS.6020", "No volume attached to the server (" + SERVER_ID + ") for restore."));
  }

  @Test
  void mappedBackupsInItemNamesEveryStranger() {
    String stranger1 = "99999999-0000-4000-8000-000000000001";
    String stranger2 = "99999999-0000-4000-8000-000000000002";
    var c = context(item(stranger1, SYSTEM_DISK, DATA_BACKUP, DATA_DISK, stranger2, SYSTEM_DISK), backup(), server());
    assertThat(RestoreRule.MAPPED_BACKUPS_IN_ITEM.check(c)).isEqualTo(new CheckFailure("CSBS.6017",
        "Can not find backup(s) (" + stranger1 + "," + stranger2 + ") in checkpoint item (" + BACKUP_ID + ")."));
  }

  @Test
  void everyBackupMapped() {
    var c = context(item(SYSTEM_BACKUP, SYSTEM_DISK), backup(), server());
    assertThat(RestoreRule.EVERY_BACKUP_MAPPED.check(c)).isEqualTo(new CheckFailure("CSBS.6018",
        "Not assign backup(s) (" + DATA_BACKUP + ") to volume(s), partial restore is not supported."));
  }

  @Test
  void targetVolumesAttached() {
    String elsewhere = "88888888-0000-4000-8000-000000000001";
    var c = context(item(SYSTEM_BACKUP, SYSTEM_DISK, DATA_BACKUP, elsewhere), backup(), server());
    assertThat(RestoreRule.TARGET_VOLUMES_ATTACHED.check(c))
        .isEqualTo(new CheckFailure("CSBS.6014", "Volume(s) (" + elsewhere + ") not found in target server."));
  }

  @Test
  void targetVolumesNotShareable() {
    var c = context(wholeRestore(), backup(), server(ServerStatus.ACTIVE, ECS, "eu-de-01", systemDisk(100, false), dataDisk(100, true)));
    assertThat(RestoreRule.TARGET_VOLUMES_NOT_SHAREABLE.check(c)).isEqualTo(new CheckFailure("CSBS.6021",
        "Volume (" + DATA_DISK + ") attached to server (" + SERVER_ID + ") is shareable volume."));
  }

  @Test
  void noDataBackupOnSystemVolume() {
    var c = context(item(SYSTEM_BACKUP, DATA_DISK, DATA_BACKUP, SYSTEM_DISK), backup(), server());
    assertThat(RestoreRule.NO_DATA_BACKUP_ON_SYSTEM_VOLUME.check(c)).isEqualTo(new CheckFailure("CSBS.6023",
        "Can not restore data volume to system volume. server id is (" + SERVER_ID + ")."));
  }

  @Test
  void aSystemBackupMayGoOntoADataDisk() {
    var c = context(item(SYSTEM_BACKUP, DATA_DISK), backup(), server());
    assertThat(RestoreRule.NO_DATA_BACKUP_ON_SYSTEM_VOLUME.check(c)).isNull();
  }

  @Test
  void targetVolumesLargeEnough() {
    var c = context(wholeRestore(), backup(), server(ServerStatus.ACTIVE, ECS, "eu-de-01", systemDisk(100, false), dataDisk(59, false)));
    assertThat(RestoreRule.TARGET_VOLUMES_LARGE_ENOUGH.check(c)).isEqualTo(new CheckFailure("CSBS.6024",
        "Target volume (" + DATA_DISK + ") size (59) small than volume backup (" + DATA_BACKUP + ") size (60)."));
  }

  @Test
  void aTargetOfExactlyTheBackedUpSizeIsLargeEnough() {
    var c = context(wholeRestore(), backup(), server(ServerStatus.ACTIVE, ECS, "eu-de-01", systemDisk(40, false), dataDisk(60, false)));
    assertThat(RestoreRule.TARGET_VOLUMES_LARGE_ENOUGH.check(c)).isNull();
  }

  @Test
  void theFirstFailingRuleDecides() {
    // Busy backup (2003) onto a missing server (6000): the backup's rules run first.
    var c = context(wholeRestore(), backup(BackupStatus.PROTECTING, RestoreMode.BACKUP, ECS, "eu-de-01"), null);
    assertThat(RestoreRule.firstFailure(c).errorCode()).isEqualTo("CSBS.2003");
  }

  @Test
  void longListsAreCutToTheSpecsMessageLimit() {
    String[] pairs = new String[120];
    for (int i = 0; i < 60; i++) {
      pairs[2 * i] = String.format("99999999-0000-4000-8000-%012d", i);
      pairs[2 * i + 1] = SYSTEM_DISK;
    }
    CheckFailure failure = RestoreRule.MAPPED_BACKUPS_IN_ITEM.check(context(item(pairs), backup(), server()));
    assertThat(failure.errorMsg()).hasSize(io.github.csbscontract.core.ErrorMessages.MAX_LENGTH).endsWith("...");
  }
}
