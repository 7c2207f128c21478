package io.github.csbscontract.rules;

import io.github.csbscontract.server.model.RestorableParam;
import io.github.csbscontract.server.model.RestoreVolumeMapping;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One {@code check_restorable} item with what the catalog knows of its backup and target. */
final class RestoreContext {

  final RestorableParam item;
  /** Null when the backup does not exist in the project. */
  final Backup backup;
  /** Null when the target server does not exist in the project. */
  final Server server;

  private Map<String, Server.Volume> serverVolumes;
  private Map<String, Backup.VolumeBackup> volumeBackups;

  RestoreContext(RestorableParam item, Backup backup, Server server) {
    this.item = item;
    this.backup = backup;
    this.server = server;
  }

  String targetId() {
    return item.getTarget().getResourceId();
  }

  String targetType() {
    return item.getTarget().getResourceType();
  }

  List<RestoreVolumeMapping> mappings() {
    return item.getTarget().getVolumes();
  }

  Map<String, Server.Volume> serverVolumes() {
    if (serverVolumes == null) {
      serverVolumes = server.volumesById();
    }
    return serverVolumes;
  }

  Map<String, Backup.VolumeBackup> volumeBackups() {
    if (volumeBackups == null) {
      volumeBackups = new HashMap<>(backup.volumeBackups().size() * 2);
      backup.volumeBackups().forEach(vb -> volumeBackups.put(vb.id(), vb));
    }
    return volumeBackups;
  }
}
