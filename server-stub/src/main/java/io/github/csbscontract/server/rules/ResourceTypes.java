package io.github.csbscontract.server.rules;

import java.util.Set;

/** The resource types CSBS backs up and restores. */
final class ResourceTypes {

  static final String ECS = "OS::Nova::Server";
  static final String BMS = "OS::Ironic::BareMetalServer";

  private static final Set<String> SERVERS = Set.of(ECS, BMS);

  private ResourceTypes() {}

  static boolean isServer(String resourceType) {
    return SERVERS.contains(resourceType);
  }
}
