package io.github.csbscontract.client;

import io.github.csbscontract.client.model.RestorableParam;
import io.github.csbscontract.client.model.RestorableTarget;
import io.github.csbscontract.client.model.RestoreVolumeMapping;
import io.github.csbscontract.core.Contract;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code check_restorable} item: which backup, onto which server, and which disk backup goes
 * onto which disk. Immutable; made by a {@link Builder}:
 *
 * <pre>
 * RestoreItem item = RestoreItem.backup("8986ce68-3da7-4d29-9cc2-1921e9504975")
 *     .ontoServer("5aa119a8-d25b-45a7-8d1b-88e127885635")
 *     .mapDisk("7ea119a8-d25b-43a7-8d1b-88e12788513a", "45baf976-c20a-4894-a7c3-c94b7376bf55")
 *     .build();
 * </pre>
 *
 * <p>The builder refuses nulls and incomplete items; whether the IDs have the spec's form is
 * checked when the item is sent (see {@link CsbsClient.Builder#validateRequests(boolean)}).
 */
// Most of its length is the Builder with its null checks and their messages.
public final class RestoreItem {

  /** The resource type of an ECS, {@code OS::Nova::Server}. */
  public static final String ECS = Contract.ECS;
  /** The resource type of a bare-metal server, {@code OS::Ironic::BareMetalServer}. */
  public static final String BMS = Contract.BMS;

  private final String checkpointItemId;
  private final String serverId;
  private final String serverType;
  private final List<DiskMapping> disks;

  private RestoreItem(Builder builder) {
    this.checkpointItemId = builder.checkpointItemId;
    this.serverId = builder.serverId;
    this.serverType = builder.serverType;
    this.disks = List.copyOf(builder.disks);
  }

  /**
   * Starts an item that restores from a backup.
   *
   * @param checkpointItemId the backup (checkpoint item) to restore from
   * @return a builder; {@link Builder#ontoServer(String)} and {@link Builder#mapDisk} must follow
   * @throws NullPointerException if {@code checkpointItemId} is null
   */
  public static Builder backup(String checkpointItemId) {
    return new Builder(checkpointItemId);
  }

  /**
   * The backup to restore from.
   *
   * @return the checkpoint item ID
   */
  public String checkpointItemId() {
    return checkpointItemId;
  }

  /**
   * The server to restore onto.
   *
   * @return its resource ID
   */
  public String serverId() {
    return serverId;
  }

  /**
   * The type of the server to restore onto.
   *
   * @return {@link #ECS} unless the builder was given another type
   */
  public String serverType() {
    return serverType;
  }

  /**
   * Which disk backup goes onto which of the server's disks.
   *
   * @return the mappings in the order given, at least one; read-only
   */
  public List<DiskMapping> disks() {
    return disks;
  }

  RestorableParam toParam() {
    List<RestoreVolumeMapping> volumes = new ArrayList<>(disks.size());
    for (DiskMapping disk : disks) {
      volumes.add(new RestoreVolumeMapping().backupId(disk.backupId()).volumeId(disk.volumeId()));
    }
    return new RestorableParam()
        .checkpointItemId(checkpointItemId)
        .target(new RestorableTarget().resourceId(serverId).resourceType(serverType).volumes(volumes));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RestoreItem item && checkpointItemId.equals(item.checkpointItemId)
        && serverId.equals(item.serverId) && serverType.equals(item.serverType) && disks.equals(item.disks);
  }

  @Override
  public int hashCode() {
    return Objects.hash(checkpointItemId, serverId, serverType, disks);
  }

  @Override
  public String toString() {
    return "RestoreItem[backup=" + checkpointItemId + ", server=" + serverId + " (" + serverType + "), disks=" + disks + "]";
  }

  /**
   * Restores one disk backup onto one disk of the target server.
   *
   * @param backupId the disk backup, as listed in the backup
   * @param volumeId the disk (volume) of the target server
   */
  public record DiskMapping(String backupId, String volumeId) {

    /**
     * Checks that both IDs are present.
     *
     * @param backupId the disk backup
     * @param volumeId the target disk
     * @throws NullPointerException if either is null
     */
    public DiskMapping {
      Objects.requireNonNull(backupId, "backupId == null");
      Objects.requireNonNull(volumeId, "volumeId == null");
    }
  }

  /** Builds a {@link RestoreItem}; {@link #build()} may be called again after further changes. */
  public static final class Builder {

    private final String checkpointItemId;
    private String serverId;
    private String serverType = ECS;
    private final List<DiskMapping> disks = new ArrayList<>();

    private Builder(String checkpointItemId) {
      this.checkpointItemId = Objects.requireNonNull(checkpointItemId, "checkpointItemId == null");
    }

    /**
     * Restores onto an ECS.
     *
     * @param serverId the ECS
     * @return this builder
     * @throws NullPointerException if {@code serverId} is null
     */
    public Builder ontoServer(String serverId) {
      return ontoServer(serverId, ECS);
    }

    /**
     * Restores onto a server of the given type.
     *
     * @param serverId the server
     * @param serverType its type, for example {@link #BMS}; not a closed set
     * @return this builder
     * @throws NullPointerException if either is null
     */
    public Builder ontoServer(String serverId, String serverType) {
      this.serverId = Objects.requireNonNull(serverId, "serverId == null");
      this.serverType = Objects.requireNonNull(serverType, "serverType == null");
      return this;
    }

    /**
     * Restores disk backup {@code backupId} onto the server's disk {@code volumeId}.
     *
     * @param backupId the disk backup
     * @param volumeId the target server's disk
     * @return this builder
     * @throws NullPointerException if either is null
     */
    public Builder mapDisk(String backupId, String volumeId) {
      disks.add(new DiskMapping(backupId, volumeId));
      return this;
    }

    /**
     * Makes the item.
     *
     * @return an immutable item
     * @throws IllegalStateException if no server or no disk mapping was given
     */
    public RestoreItem build() {
      if (serverId == null) {
        throw new IllegalStateException("ontoServer(...) was not called");
      }
      if (disks.isEmpty()) {
        throw new IllegalStateException("mapDisk(...) was not called: a restore maps every disk backup");
      }
      return new RestoreItem(this);
    }
  }
}
