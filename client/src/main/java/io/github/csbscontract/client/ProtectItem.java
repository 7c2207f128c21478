package io.github.csbscontract.client;

import io.github.csbscontract.client.model.ProtectableParam;
import java.util.Objects;

/**
 * One {@code check_protectable} item: a server that is to be backed up.
 *
 * <pre>
 * csbs.checkProtectable(ProtectItem.server("5aa119a8-d25b-45a7-8d1b-88e127885635")).execute();
 * </pre>
 *
 * @param resourceId the server
 * @param resourceType its type, for example {@link RestoreItem#ECS} or {@link RestoreItem#BMS}; not a closed set
 */
public record ProtectItem(String resourceId, String resourceType) {

  /**
   * Checks that both are present.
   *
   * @param resourceId the server
   * @param resourceType its type
   * @throws NullPointerException if either is null
   */
  public ProtectItem {
    Objects.requireNonNull(resourceId, "resourceId == null");
    Objects.requireNonNull(resourceType, "resourceType == null");
  }

  /**
   * An ECS, the usual server (as {@link RestoreItem.Builder#ontoServer(String)} restores onto one).
   *
   * @param serverId the ECS
   * @return the item
   * @throws NullPointerException if {@code serverId} is null
   */
  public static ProtectItem server(String serverId) {
    return new ProtectItem(serverId, RestoreItem.ECS);
  }

  /**
   * A bare-metal server.
   *
   * @param serverId the server
   * @return the item
   * @throws NullPointerException if {@code serverId} is null
   */
  public static ProtectItem bms(String serverId) {
    return new ProtectItem(serverId, RestoreItem.BMS);
  }

  ProtectableParam toParam() {
    return new ProtectableParam().resourceId(resourceId).resourceType(resourceType);
  }
}
