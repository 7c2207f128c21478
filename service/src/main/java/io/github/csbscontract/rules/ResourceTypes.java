package io.github.csbscontract.rules;

import io.github.csbscontract.core.Contract;
import java.util.Set;

/** The resource types CSBS backs up and restores. */
final class ResourceTypes {

  private static final Set<String> SERVERS = Set.of(Contract.ECS, Contract.BMS);

  private ResourceTypes() {}

  static boolean isServer(String resourceType) {
    return SERVERS.contains(resourceType);
  }
}
