package ${package};

import io.github.csbscontract.rules.Inventory;
import io.github.csbscontract.server.api.ResourcesApi;
import io.github.csbscontract.server.model.ResourceActionRequest;
import io.github.csbscontract.server.model.ResourceActionResponse;
import io.github.csbscontract.service.CapabilityResource;

/**
 * The operation {@code POST /v1/{project_id}/providers/{provider_id}/resources/action}: the
 * generated interface carries the path, the media types and the Bean Validation constraints;
 * this class answers. It hands each request to the documented restore and protect rules
 * ({@link CapabilityResource}) over your {@link Inventory}; put your own logic around them here.
 */
public class RestoreCheckResource implements ResourcesApi {

  private final CapabilityResource rules;

  public RestoreCheckResource(Inventory inventory) {
    this.rules = new CapabilityResource(inventory);
  }

  @Override
  public ResourceActionResponse checkResourceCapabilities(String projectId, String providerId,
      ResourceActionRequest request) {
    return rules.checkResourceCapabilities(projectId, providerId, request);
  }
}
