package io.github.csbscontract.rules;

import io.github.csbscontract.server.model.CheckResp;
import io.github.csbscontract.server.model.ProtectableParam;
import io.github.csbscontract.server.model.RestorableParam;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Answers {@code check_restorable} and {@code check_protectable} items against an inventory, one
 * result per item in request order. The inventory is asked once per request ({@link Inventory#find}),
 * for every ID the items name; work per item is linear in its disk mappings.
 */
public final class CapabilityChecks {

  private final Inventory inventory;

  public CapabilityChecks(Inventory inventory) {
    this.inventory = Objects.requireNonNull(inventory, "inventory == null");
  }

  /** @throws StoreUnavailableException when the inventory's store cannot answer now */
  public List<CheckResp> checkRestorable(String projectId, List<RestorableParam> items) {
    Set<String> backupIds = new LinkedHashSet<>();
    Set<String> serverIds = new LinkedHashSet<>();
    for (RestorableParam item : items) {
      backupIds.add(item.getCheckpointItemId());
      serverIds.add(item.getTarget().getResourceId());
    }
    Inventory.Found found = inventory.find(projectId, backupIds, serverIds);
    List<CheckResp> results = new ArrayList<>(items.size());
    for (RestorableParam item : items) {
      results.add(checkRestorable(projectId, item, found));
    }
    return results;
  }

  /** @throws StoreUnavailableException when the inventory's store cannot answer now */
  public List<CheckResp> checkProtectable(String projectId, List<ProtectableParam> items) {
    Set<String> serverIds = new LinkedHashSet<>();
    items.forEach(item -> serverIds.add(item.getResourceId()));
    Inventory.Found found = inventory.find(projectId, Set.of(), serverIds);
    List<CheckResp> results = new ArrayList<>(items.size());
    for (ProtectableParam item : items) {
      results.add(checkProtectable(projectId, item, found));
    }
    return results;
  }

  /**
   * What was found in the project; a store that returned another project's does not decide the
   * answer (the asking project cannot see it).
   */
  private static Backup backupOf(String projectId, Inventory.Found found, String id) {
    Backup backup = found.backups().get(id);
    return backup != null && projectId.equals(backup.projectId()) ? backup : null;
  }

  private static Server serverOf(String projectId, Inventory.Found found, String id) {
    Server server = found.servers().get(id);
    return server != null && projectId.equals(server.projectId()) ? server : null;
  }

  /**
   * The answer names the resource the backup was taken of, as the reference page's example
   * does; the target's when the backup is unknown. A passing item carries empty error fields.
   */
  private static CheckResp checkRestorable(String projectId, RestorableParam item, Inventory.Found found) {
    Backup backup = backupOf(projectId, found, item.getCheckpointItemId());
    Server server = serverOf(projectId, found, item.getTarget().getResourceId());
    CheckFailure failure = RestoreRule.firstFailure(new RestoreContext(item, backup, server));
    CheckResp resp = new CheckResp()
        .resourceId(backup != null ? backup.resourceId() : item.getTarget().getResourceId())
        .resourceType(backup != null ? backup.resourceType() : item.getTarget().getResourceType())
        .result(failure == null);
    return failure == null
        ? resp.errorCode("").errorMsg("")
        : resp.errorCode(failure.errorCode()).errorMsg(failure.errorMsg());
  }

  /** A passing item omits the error fields, as the documented check_protectable example does. */
  private static CheckResp checkProtectable(String projectId, ProtectableParam item, Inventory.Found found) {
    Server server = serverOf(projectId, found, item.getResourceId());
    CheckFailure failure = ProtectRule.firstFailure(item, server);
    CheckResp resp = new CheckResp()
        .resourceId(item.getResourceId())
        .resourceType(item.getResourceType())
        .result(failure == null);
    return failure == null ? resp : resp.errorCode(failure.errorCode()).errorMsg(failure.errorMsg());
  }
}
