package io.github.csbscontract.rules;

import java.util.Optional;

/**
 * Where the rules look up what a request names: the backups (checkpoint items) and servers of a
 * project. Implement it over your own data; the reference server's catalog is one implementation.
 * A backup or server of another project does not exist for the asking project.
 */
public interface Inventory {

  /** The backup (checkpoint item), if it exists in that project. */
  Optional<Backup> backup(String projectId, String checkpointItemId);

  /** The server, if it exists in that project. */
  Optional<Server> server(String projectId, String serverId);
}
