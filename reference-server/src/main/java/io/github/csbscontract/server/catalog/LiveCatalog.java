package io.github.csbscontract.server.catalog;

import io.github.csbscontract.rules.Backup;
import io.github.csbscontract.rules.Inventory;
import io.github.csbscontract.rules.Server;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalog a running server answers from: the one it started with, or another put in its
 * place between tests. A request sees one catalog from start to end, never a mix.
 */
public final class LiveCatalog implements Inventory {

  private final Catalog initial;
  private volatile Catalog current;

  public LiveCatalog(Catalog initial) {
    this.initial = Objects.requireNonNull(initial, "initial == null");
    this.current = initial;
  }

  /** Answers from {@code catalog} from now on. */
  public void use(Catalog catalog) {
    current = Objects.requireNonNull(catalog, "catalog == null");
  }

  /** Back to the catalog the server started with. */
  public void reset() {
    current = initial;
  }

  public Catalog current() {
    return current;
  }

  public Optional<Project> projectForToken(String token) {
    return current.projectForToken(token);
  }

  @Override
  public Optional<Backup> backup(String projectId, String checkpointItemId) {
    return current.backup(projectId, checkpointItemId);
  }

  @Override
  public Optional<Server> server(String projectId, String serverId) {
    return current.server(projectId, serverId);
  }
}
