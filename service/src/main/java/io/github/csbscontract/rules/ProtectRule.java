package io.github.csbscontract.rules;

import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.server.model.ProtectableParam;

/** The backup (protect) rules, in the order they run: the first that fails decides. */
enum ProtectRule {

  TYPE_PROTECTABLE {
    @Override
    CheckFailure check(ProtectableParam item, Server server) {
      return ResourceTypes.isServer(item.getResourceType()) ? null
          : CheckFailure.of(ErrorCode.TYPE_NOT_PROTECTABLE, item.getResourceId(), item.getResourceType());
    }
  },

  SERVER_EXISTS {
    @Override
    CheckFailure check(ProtectableParam item, Server server) {
      return server == null ? CheckFailure.of(ErrorCode.SERVER_NOT_FOUND) : null;
    }
  },

  SERVER_STEADY {
    @Override
    CheckFailure check(ProtectableParam item, Server server) {
      return server.status().isSteady() ? null
          : CheckFailure.of(ErrorCode.STATUS_NOT_PROTECTABLE, server.id(), server.status());
    }
  },

  SERVER_HAS_VOLUMES {
    @Override
    CheckFailure check(ProtectableParam item, Server server) {
      return server.volumes().isEmpty() ? CheckFailure.of(ErrorCode.NO_VOLUME_TO_PROTECT, server.id()) : null;
    }
  },

  NO_SHAREABLE_VOLUME {
    @Override
    CheckFailure check(ProtectableParam item, Server server) {
      for (Server.Volume volume : server.volumes()) {
        if (volume.shareable()) {
          return CheckFailure.of(ErrorCode.SHAREABLE_VOLUME_NOT_PROTECTABLE, volume.id(), server.id());
        }
      }
      return null;
    }
  };

  /** The failure, or null when the server passes this rule. */
  abstract CheckFailure check(ProtectableParam item, Server server);

  private static final ProtectRule[] IN_ORDER = values();

  static CheckFailure firstFailure(ProtectableParam item, Server server) {
    for (ProtectRule rule : IN_ORDER) {
      CheckFailure failure = rule.check(item, server);
      if (failure != null) {
        return failure;
      }
    }
    return null;
  }
}
