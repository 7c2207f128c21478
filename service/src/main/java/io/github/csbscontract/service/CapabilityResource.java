package io.github.csbscontract.service;

import io.github.csbscontract.core.Contract;
import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.rules.CapabilityChecks;
import io.github.csbscontract.rules.Inventory;
import io.github.csbscontract.server.api.ResourcesApi;
import io.github.csbscontract.server.model.ResourceActionRequest;
import io.github.csbscontract.server.model.ResourceActionResponse;
import io.github.csbscontract.server.model.RestorableParam;
import io.github.csbscontract.server.model.RestoreVolumeMapping;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The operation of the generated interface ({@link ResourcesApi}), implemented with the documented
 * rules over an {@link Inventory}: served on a JAX-RS runtime through the adapter
 * ({@code csbs-restore-check-jaxrs}) and by the reference server directly. Authentication and body limits are the gateway's job, and Bean Validation
 * has checked the body's shape before this is called; what is left is refused here with
 * {@link CsbsRequestException}: first what the body's schema says and Bean Validation cannot
 * check (exactly one action, no mapping repeated), then the provider, the order the spec
 * gives.
 */
public final class CapabilityResource implements ResourcesApi {

  private final CapabilityChecks checks;

  public CapabilityResource(Inventory inventory) {
    this.checks = new CapabilityChecks(inventory);
  }

  @Override
  public ResourceActionResponse checkResourceCapabilities(
      String projectId, String providerId, ResourceActionRequest request) {
    boolean restore = request.getCheckRestorable() != null;
    boolean protect = request.getCheckProtectable() != null;
    if (restore == protect) {
      throw new CsbsRequestException(400, ErrorCode.PARAMETER_INVALID,
          "body: must hold exactly one of check_restorable and check_protectable, found "
              + (restore ? "both" : "neither"));
    }
    if (restore) {
      rejectDuplicateMappings(request.getCheckRestorable());
    }
    if (!Contract.CSBS_PROVIDER_ID.equals(providerId)) {
      throw new CsbsRequestException(400, ErrorCode.PROVIDER_INVALID);
    }
    if (restore) {
      return new ResourceActionResponse().restorable(checks.checkRestorable(projectId, request.getCheckRestorable()));
    }
    return new ResourceActionResponse().protectable(checks.checkProtectable(projectId, request.getCheckProtectable()));
  }

  /**
   * A disk backup is restored exactly once, onto one disk: a mapping list that names a backup or
   * a disk twice cannot describe a restore, so it is a parameter error, not an item's result.
   */
  private static void rejectDuplicateMappings(List<RestorableParam> items) {
    for (int i = 0; i < items.size(); i++) {
      List<RestoreVolumeMapping> volumes = items.get(i).getTarget().getVolumes();
      if (volumes.size() < 2) {
        continue;
      }
      Set<String> backups = new HashSet<>();
      Set<String> disks = new HashSet<>();
      for (int v = 0; v < volumes.size(); v++) {
        String at = "check_restorable[" + i + "].target.volumes[" + v + "]";
        if (!backups.add(volumes.get(v).getBackupId())) {
          throw new CsbsRequestException(400, ErrorCode.PARAMETER_INVALID,
              at + ".backup_id: backup is already mapped to another volume");
        }
        if (!disks.add(volumes.get(v).getVolumeId())) {
          throw new CsbsRequestException(400, ErrorCode.PARAMETER_INVALID,
              at + ".volume_id: volume is already the target of another backup");
        }
      }
    }
  }
}
