package io.github.csbscontract.rules;

import io.github.csbscontract.server.model.CheckResp;
import io.github.csbscontract.server.model.ProtectableParam;
import io.github.csbscontract.server.model.RestorableParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Answers {@code check_restorable} and {@code check_protectable} items against an inventory, one
 * result per item in request order. Work per item is linear in its disk mappings.
 */
public final class CapabilityChecks {

  private final Inventory inventory;

  public CapabilityChecks(Inventory inventory) {
    this.inventory = Objects.requireNonNull(inventory, "inventory == null");
  }

  public List<CheckResp> checkRestorable(String projectId, List<RestorableParam> items) {
    List<CheckResp> results = new ArrayList<>(items.size());
    for (RestorableParam item : items) {
      results.add(checkRestorable(projectId, item));
    }
    return results;
  }

  public List<CheckResp> checkProtectable(String projectId, List<ProtectableParam> items) {
    List<CheckResp> results = new ArrayList<>(items.size());
    for (ProtectableParam item : items) {
      results.add(checkProtectable(projectId, item));
    }
    return results;
  }

  /**
   * The answer names the resource the backup was taken of, as the reference page's example
   * does; the target's when the backup is unknown. A passing item carries empty error fields.
   */
  CheckResp checkRestorable(String projectId, RestorableParam item) {
    Backup backup = inventory.backup(projectId, item.getCheckpointItemId()).orElse(null);
    Server server = inventory.server(projectId, item.getTarget().getResourceId()).orElse(null);
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
  CheckResp checkProtectable(String projectId, ProtectableParam item) {
    Server server = inventory.server(projectId, item.getResourceId()).orElse(null);
    CheckFailure failure = ProtectRule.firstFailure(item, server);
    CheckResp resp = new CheckResp()
        .resourceId(item.getResourceId())
        .resourceType(item.getResourceType())
        .result(failure == null);
    return failure == null ? resp : resp.errorCode(failure.errorCode()).errorMsg(failure.errorMsg());
  }
}
