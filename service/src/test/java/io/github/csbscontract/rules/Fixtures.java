package io.github.csbscontract.rules;

import io.github.csbscontract.server.model.RestorableParam;
import io.github.csbscontract.server.model.RestorableTarget;
import io.github.csbscontract.server.model.RestoreVolumeMapping;
import java.util.ArrayList;
import java.util.List;

/** A restorable backup and server pair; each test changes the one thing its rule looks at. */
final class Fixtures {

  static final String PROJECT = "0605767ab000d4c12f3bc0033d9d5d06";
  static final String ECS = io.github.csbscontract.core.Contract.ECS;
  static final String BACKUP_ID = "8986ce68-3da7-4d29-9cc2-1921e9504975";
  static final String SOURCE_ID = "6507cb66-90dc-4a12-a573-c9f3398f899d";
  static final String SERVER_ID = "5aa119a8-d25b-45a7-8d1b-88e127885635";
  static final String SYSTEM_BACKUP = "7ea119a8-d25b-43a7-8d1b-88e12788513a";
  static final String DATA_BACKUP = "11111111-2222-4333-8444-555555555555";
  static final String SYSTEM_DISK = "45baf976-c20a-4894-a7c3-c94b7376bf55";
  static final String DATA_DISK = "66666666-7777-4888-9999-aaaaaaaaaaaa";

  private Fixtures() {}

  static Backup backup() {
    return backup(BackupStatus.AVAILABLE, RestoreMode.BACKUP, ECS, "eu-de-01");
  }

  static Backup backup(BackupStatus status, RestoreMode mode, String type, String az) {
    return new Backup(BACKUP_ID, PROJECT, "backup", status, SOURCE_ID, type, az, mode, List.of(
        new Backup.VolumeBackup(SYSTEM_BACKUP, "aaaaaaaa-0000-4000-8000-000000000001", 40, true),
        new Backup.VolumeBackup(DATA_BACKUP, "aaaaaaaa-0000-4000-8000-000000000002", 60, false)));
  }

  static Server server() {
    return server(ServerStatus.ACTIVE, ECS, "eu-de-01", systemDisk(100, false), dataDisk(100, false));
  }

  static Server server(ServerStatus status, String type, String az, Server.Volume... volumes) {
    return new Server(SERVER_ID, PROJECT, "target", status, type, az, List.of(volumes));
  }

  static Server.Volume systemDisk(int sizeGb, boolean shareable) {
    return new Server.Volume(SYSTEM_DISK, sizeGb, true, shareable);
  }

  static Server.Volume dataDisk(int sizeGb, boolean shareable) {
    return new Server.Volume(DATA_DISK, sizeGb, false, shareable);
  }

  /** Mappings as pairs: backup ID, disk ID, ... */
  static RestorableParam item(String... backupThenDisk) {
    List<RestoreVolumeMapping> volumes = new ArrayList<>();
    for (int i = 0; i < backupThenDisk.length; i += 2) {
      volumes.add(new RestoreVolumeMapping().backupId(backupThenDisk[i]).volumeId(backupThenDisk[i + 1]));
    }
    return new RestorableParam().checkpointItemId(BACKUP_ID)
        .target(new RestorableTarget().resourceId(SERVER_ID).resourceType(ECS).volumes(volumes));
  }

  static RestorableParam wholeRestore() {
    return item(SYSTEM_BACKUP, SYSTEM_DISK, DATA_BACKUP, DATA_DISK);
  }

  static RestoreContext context(RestorableParam item, Backup backup, Server server) {
    return new RestoreContext(item, backup, server);
  }
}
