package io.github.csbscontract.client;

import io.github.csbscontract.core.Contract;
import io.github.csbscontract.client.model.RestorableParam;
import io.github.csbscontract.client.model.RestorableTarget;
import io.github.csbscontract.client.model.RestoreVolumeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds one {@code check_restorable} item: which backup, onto which server, and which disk
 * backup goes onto which disk.
 *
 * <pre>
 * RestorableParam item = RestoreItem.backup("8986ce68-3da7-4d29-9cc2-1921e9504975")
 *     .ontoServer("5aa119a8-d25b-45a7-8d1b-88e127885635")
 *     .mapDisk("7ea119a8-d25b-43a7-8d1b-88e12788513a", "45baf976-c20a-4894-a7c3-c94b7376bf55")
 *     .build();
 * </pre>
 */
public final class RestoreItem {

  /** An ECS. */
  public static final String ECS = Contract.ECS;
  /** A bare-metal server. */
  public static final String BMS = Contract.BMS;

  private final String checkpointItemId;
  private String serverId;
  private String serverType = ECS;
  private final List<RestoreVolumeMapping> disks = new ArrayList<>();

  private RestoreItem(String checkpointItemId) {
    this.checkpointItemId = Objects.requireNonNull(checkpointItemId, "checkpointItemId == null");
  }

  /** The backup (checkpoint item) to restore from. */
  public static RestoreItem backup(String checkpointItemId) {
    return new RestoreItem(checkpointItemId);
  }

  /** The ECS to restore onto. */
  public RestoreItem ontoServer(String serverId) {
    return ontoServer(serverId, ECS);
  }

  /** The server to restore onto, with its type ({@link #ECS}, {@link #BMS}). */
  public RestoreItem ontoServer(String serverId, String serverType) {
    this.serverId = Objects.requireNonNull(serverId, "serverId == null");
    this.serverType = Objects.requireNonNull(serverType, "serverType == null");
    return this;
  }

  /** Restores disk backup {@code backupId} onto the server's disk {@code volumeId}. */
  public RestoreItem mapDisk(String backupId, String volumeId) {
    disks.add(new RestoreVolumeMapping()
        .backupId(Objects.requireNonNull(backupId, "backupId == null"))
        .volumeId(Objects.requireNonNull(volumeId, "volumeId == null")));
    return this;
  }

  public RestorableParam build() {
    if (serverId == null) {
      throw new IllegalStateException("ontoServer(...) was not called");
    }
    if (disks.isEmpty()) {
      throw new IllegalStateException("mapDisk(...) was not called: a restore maps every disk backup");
    }
    return new RestorableParam()
        .checkpointItemId(checkpointItemId)
        .target(new RestorableTarget().resourceId(serverId).resourceType(serverType).volumes(new ArrayList<>(disks)));
  }
}
