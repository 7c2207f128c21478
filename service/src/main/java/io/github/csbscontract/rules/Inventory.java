package io.github.csbscontract.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the rules look up what a request names: the backups (checkpoint items) and servers of a
 * project. Implement it over your own data; the reference server's catalog is one implementation.
 * A backup or server of another project does not exist for the asking project.
 *
 * <p>The rules ask once per request, through {@link #find}: everything the request names, each
 * ID once. Its default asks {@link #backup} and {@link #server} for each ID; a store behind a
 * network (a database) overrides it to answer in one or two queries.
 *
 * <p>A store that cannot answer now (its database is down, a pool is exhausted) throws
 * {@link StoreUnavailableException}: the request is answered 503 {@code CSBS.0503} with
 * {@code Retry-After}, not 500. Any other exception is a fault of the service: 500.
 *
 * <p>A blocking store (JDBC, say) must not be called on an event loop: on Quarkus REST, mark
 * the resource or application {@code @Blocking} (the default for a blocking return type unless
 * something says {@code @NonBlocking}).
 */
public interface Inventory {

  /** The backup (checkpoint item), if it exists in that project. */
  Optional<Backup> backup(String projectId, String checkpointItemId);

  /** The server, if it exists in that project. */
  Optional<Server> server(String projectId, String serverId);

  /**
   * Every backup and server of the project among these IDs; what does not exist there is left
   * out. By default one {@link #backup} or {@link #server} call per ID.
   *
   * @throws StoreUnavailableException when the store cannot answer now
   */
  default Found find(String projectId, Set<String> backupIds, Set<String> serverIds) {
    Map<String, Backup> backups = new HashMap<>(backupIds.size() * 2);
    for (String id : backupIds) {
      backup(projectId, id).ifPresent(backup -> backups.put(id, backup));
    }
    Map<String, Server> servers = new HashMap<>(serverIds.size() * 2);
    for (String id : serverIds) {
      server(projectId, id).ifPresent(server -> servers.put(id, server));
    }
    return new Found(backups, servers);
  }

  /** What {@link #find} found, by ID. */
  record Found(Map<String, Backup> backups, Map<String, Server> servers) {

    public Found {
      backups = Map.copyOf(backups);
      servers = Map.copyOf(servers);
    }
  }
}
