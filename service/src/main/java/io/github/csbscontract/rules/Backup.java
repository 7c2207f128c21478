package io.github.csbscontract.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A server backup (CSBS checkpoint item): the server it was taken of and one disk backup per
 * backed-up disk. Build one from a store's row with {@link #builder(String)}, which names the
 * fields as it sets them.
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

  /** A backup with this ID, every other field to set; disk backups in order. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Sets each field by name; {@link #build()} names any that was not set. */
  public static final class Builder {
    private final String id;
    private String projectId;
    private String name;
    private BackupStatus status;
    private String resourceId;
    private String resourceType;
    private String availabilityZone;
    private RestoreMode supportedRestoreMode;
    private final List<VolumeBackup> volumeBackups = new ArrayList<>();

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id == null");
    }

    public Builder projectId(String projectId) {
      this.projectId = projectId;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder status(BackupStatus status) {
      this.status = status;
      return this;
    }

    /** The ID of the server the backup was taken of. */
    public Builder resourceId(String resourceId) {
      this.resourceId = resourceId;
      return this;
    }

    /** The type of the server the backup was taken of ({@code OS::Nova::Server}, ...). */
    public Builder resourceType(String resourceType) {
      this.resourceType = resourceType;
      return this;
    }

    public Builder availabilityZone(String availabilityZone) {
      this.availabilityZone = availabilityZone;
      return this;
    }

    public Builder supportedRestoreMode(RestoreMode supportedRestoreMode) {
      this.supportedRestoreMode = supportedRestoreMode;
      return this;
    }

    /** Adds one disk backup after those added before. */
    public Builder volumeBackup(VolumeBackup volumeBackup) {
      volumeBackups.add(Objects.requireNonNull(volumeBackup, "volumeBackup == null"));
      return this;
    }

    /** Adds these disk backups after those added before. */
    public Builder volumeBackups(List<VolumeBackup> more) {
      more.forEach(this::volumeBackup);
      return this;
    }

    /** @throws IllegalStateException naming the fields that were not set */
    public Backup build() {
      List<String> missing = new ArrayList<>();
      if (projectId == null) missing.add("projectId");
      if (name == null) missing.add("name");
      if (status == null) missing.add("status");
      if (resourceId == null) missing.add("resourceId");
      if (resourceType == null) missing.add("resourceType");
      if (availabilityZone == null) missing.add("availabilityZone");
      if (supportedRestoreMode == null) missing.add("supportedRestoreMode");
      if (!missing.isEmpty()) {
        throw new IllegalStateException("backup " + id + ": " + String.join(", ", missing) + " not set");
      }
      return new Backup(id, projectId, name, status, resourceId, resourceType, availabilityZone,
          supportedRestoreMode, volumeBackups);
    }
  }
}
