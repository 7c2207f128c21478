package io.github.csbscontract.server.http;

import io.github.csbscontract.server.api.ResourcesApi;
import io.github.csbscontract.server.model.ResourceActionRequest;
import io.github.csbscontract.server.model.ResourceActionResponse;
import io.github.csbscontract.server.model.RestorableParam;
import io.github.csbscontract.server.model.RestoreVolumeMapping;
import io.github.csbscontract.server.rules.CapabilityChecks;
import io.github.csbscontract.server.rules.CsbsError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The generated JAX-RS interface, implemented. Authentication and body limits are the
 * gateway's job ({@link Gateway}); Bean Validation has checked the body's shape.
 */
public final class ResourcesResource implements ResourcesApi {

  static final String CSBS_PROVIDER_ID = "fc4d5750-22e7-4798-8a46-f48f62c4c1da";

  private final CapabilityChecks checks;

  public ResourcesResource(CapabilityChecks checks) {
    this.checks = checks;
  }

  @Override
  public ResourceActionResponse checkResourceCapabilities(
      String projectId, String providerId, ResourceActionRequest request) {
    if (!CSBS_PROVIDER_ID.equals(providerId)) {
      throw ApiError.service(400, CsbsError.PROVIDER_INVALID);
    }
    boolean restore = request.getCheckRestorable() != null;
    boolean protect = request.getCheckProtectable() != null;
    if (restore == protect) {
      throw ApiError.badRequest(
          "body: must hold exactly one of check_restorable and check_protectable, found "
              + (restore ? "both" : "neither"));
    }
    if (restore) {
      rejectDuplicateMappings(request.getCheckRestorable());
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
          throw ApiError.badRequest(at + ".backup_id: backup is already mapped to another volume");
        }
        if (!disks.add(volumes.get(v).getVolumeId())) {
          throw ApiError.badRequest(at + ".volume_id: volume is already the target of another backup");
        }
      }
    }
  }
}
