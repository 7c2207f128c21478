package io.github.csbscontract.server.control;

import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.service.TokenLookup;
import io.github.csbscontract.rules.Backup;
import io.github.csbscontract.rules.Inventory;
import io.github.csbscontract.rules.Server;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalog a running server answers from: the one it started with, or another put in its
 * place between tests. The server takes {@link #current()} once per request, when it admits it,
 * and answers the whole request from that one: a swap never mixes two catalogs in one answer.
 * Its own lookups read whichever catalog is current at each call.
 */
public final class LiveCatalog implements Inventory, TokenLookup {

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

  @Override
  public Optional<TokenScope> scopeOf(String token) {
    return current.scopeOf(token);
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
