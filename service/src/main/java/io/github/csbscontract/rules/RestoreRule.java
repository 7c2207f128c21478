package io.github.csbscontract.rules;

import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.server.model.RestoreVolumeMapping;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The documented restore rules, in the order they run: the first that fails decides the item's
 * answer. Each rule may rely on every rule before it having passed. Rules over the disk mapping
 * name every offending ID where the message has a list, else the first offender.
 */
enum RestoreRule {

  BACKUP_EXISTS {
    @Override
    CheckFailure check(RestoreContext c) {
      return c.backup == null ? CheckFailure.of(ErrorCode.CHECKPOINT_ITEM_NOT_FOUND, c.item.getCheckpointItemId()) : null;
    }
  },

  BACKUP_NOT_EXECUTING {
    @Override
    CheckFailure check(RestoreContext c) {
      return c.backup.status().isExecuting() ? CheckFailure.of(ErrorCode.ITEM_EXECUTING) : null;
    }
  },

  BACKUP_AVAILABLE {
    @Override
    CheckFailure check(RestoreContext c) {
      return c.backup.status() != BackupStatus.AVAILABLE
          ? CheckFailure.of(ErrorCode.CHECKPOINT_ITEM_NOT_AVAILABLE) : null;
    }
  },

  TYPE_RESTORABLE {
    @Override
    CheckFailure check(RestoreContext c) {
      if (!ResourceTypes.isServer(c.targetType())) {
        return CheckFailure.of(ErrorCode.TYPE_NOT_RESTORABLE, c.targetId(), c.targetType());
      }
      if (c.backup.supportedRestoreMode() == RestoreMode.NA) {
        return CheckFailure.of(ErrorCode.TYPE_NOT_RESTORABLE, c.backup.resourceId(), c.backup.resourceType());
      }
      return null;
    }
  },

  TARGET_SERVER_EXISTS {
    @Override
    CheckFailure check(RestoreContext c) {
      return c.server == null ? CheckFailure.of(ErrorCode.SERVER_NOT_FOUND) : null;
    }
  },

  TARGET_SERVER_STEADY {
    @Override
    CheckFailure check(RestoreContext c) {
      return c.server.status().isSteady() ? null : CheckFailure.of(ErrorCode.SERVER_RESTORING);
    }
  },

  TARGET_TYPE_IS_SERVER_TYPE {
    @Override
    CheckFailure check(RestoreContext c) {
      return c.server.type().equals(c.targetType()) ? null : CheckFailure.of(ErrorCode.SERVER_TYPE_NOT_ALLOWED);
    }
  },

  SOURCE_TYPE_IS_TARGET_TYPE {
    @Override
    CheckFailure check(RestoreContext c) {
      return c.backup.resourceType().equals(c.server.type()) ? null
          : CheckFailure.of(ErrorCode.SERVER_TYPES_DIFFER,
              c.backup.resourceId(), c.backup.resourceType(), c.server.id(), c.server.type());
    }
  },

  SAME_AVAILABILITY_ZONE {
    @Override
    CheckFailure check(RestoreContext c) {
      return c.backup.availabilityZone().equals(c.server.availabilityZone()) ? null
          : CheckFailure.of(ErrorCode.AZ_MISMATCH, c.backup.id(), c.server.id());
    }
  },

  TARGET_HAS_VOLUMES {
    @Override
    CheckFailure check(RestoreContext c) {
      return c.server.volumes().isEmpty() ? CheckFailure.of(ErrorCode.NO_VOLUME_TO_RESTORE, c.server.id()) : null;
    }
  },

  MAPPED_BACKUPS_IN_ITEM {
    @Override
    CheckFailure check(RestoreContext c) {
      Set<String> unknown = new LinkedHashSet<>();
      for (RestoreVolumeMapping mapping : c.mappings()) {
        if (!c.volumeBackups().containsKey(mapping.getBackupId())) {
          unknown.add(mapping.getBackupId());
        }
      }
      return unknown.isEmpty() ? null
          : CheckFailure.of(ErrorCode.BACKUPS_NOT_IN_ITEM, String.join(",", unknown), c.backup.id());
    }
  },

  EVERY_BACKUP_MAPPED {
    @Override
    CheckFailure check(RestoreContext c) {
      Set<String> mapped = new HashSet<>();
      c.mappings().forEach(mapping -> mapped.add(mapping.getBackupId()));
      Set<String> unmapped = new LinkedHashSet<>();
      for (Backup.VolumeBackup volumeBackup : c.backup.volumeBackups()) {
        if (!mapped.contains(volumeBackup.id())) {
          unmapped.add(volumeBackup.id());
        }
      }
      return unmapped.isEmpty() ? null : CheckFailure.of(ErrorCode.PARTIAL_RESTORE, String.join(",", unmapped));
    }
  },

  TARGET_VOLUMES_ATTACHED {
    @Override
    CheckFailure check(RestoreContext c) {
      Set<String> missing = new LinkedHashSet<>();
      for (RestoreVolumeMapping mapping : c.mappings()) {
        if (!c.serverVolumes().containsKey(mapping.getVolumeId())) {
          missing.add(mapping.getVolumeId());
        }
      }
      return missing.isEmpty() ? null : CheckFailure.of(ErrorCode.VOLUMES_NOT_IN_TARGET, String.join(",", missing));
    }
  },

  TARGET_VOLUMES_NOT_SHAREABLE {
    @Override
    CheckFailure check(RestoreContext c) {
      for (RestoreVolumeMapping mapping : c.mappings()) {
        if (c.serverVolumes().get(mapping.getVolumeId()).shareable()) {
          return CheckFailure.of(ErrorCode.SHAREABLE_TARGET_VOLUME, mapping.getVolumeId(), c.server.id());
        }
      }
      return null;
    }
  },

  NO_DATA_BACKUP_ON_SYSTEM_VOLUME {
    @Override
    CheckFailure check(RestoreContext c) {
      for (RestoreVolumeMapping mapping : c.mappings()) {
        boolean systemTarget = c.serverVolumes().get(mapping.getVolumeId()).bootable();
        boolean dataBackup = !c.volumeBackups().get(mapping.getBackupId()).bootable();
        if (systemTarget && dataBackup) {
          return CheckFailure.of(ErrorCode.DATA_TO_SYSTEM_VOLUME, c.server.id());
        }
      }
      return null;
    }
  },

  TARGET_VOLUMES_LARGE_ENOUGH {
    @Override
    CheckFailure check(RestoreContext c) {
      for (RestoreVolumeMapping mapping : c.mappings()) {
        Server.Volume target = c.serverVolumes().get(mapping.getVolumeId());
        Backup.VolumeBackup source = c.volumeBackups().get(mapping.getBackupId());
        if (target.sizeGb() < source.sizeGb()) {
          return CheckFailure.of(ErrorCode.TARGET_VOLUME_TOO_SMALL,
              target.id(), target.sizeGb(), source.id(), source.sizeGb());
        }
      }
      return null;
    }
  };

  /** The failure, or null when the item passes this rule. */
  abstract CheckFailure check(RestoreContext c);

  private static final RestoreRule[] IN_ORDER = values();

  static CheckFailure firstFailure(RestoreContext c) {
    for (RestoreRule rule : IN_ORDER) {
      CheckFailure failure = rule.check(c);
      if (failure != null) {
        return failure;
      }
    }
    return null;
  }
}
