package io.github.csbscontract.rules;

import java.util.List;

/**
 * A server backup (CSBS checkpoint item): the server it was taken of and one disk backup per
 * backed-up disk.
 */
public record Backup(
    String id,
    String projectId,
    String name,
    BackupStatus status,
    String resourceId,
    String resourceType,
    String availabilityZone,
    RestoreMode supportedRestoreMode,
    List<VolumeBackup> volumeBackups) {

  public Backup {
    volumeBackups = List.copyOf(volumeBackups);
  }

  /** A disk backup: {@code id} is the {@code backup_id} of a restore mapping. */
  public record VolumeBackup(String id, String sourceVolumeId, int sizeGb, boolean bootable) {}
}
