package io.github.csbscontract.catalog;

import io.github.csbscontract.rules.Backup;
import io.github.csbscontract.rules.Inventory;
import io.github.csbscontract.rules.Server;
import io.github.csbscontract.service.TokenLookup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference server's world: projects with their tokens, servers and backups, indexed by ID
 * so that every lookup costs the same whatever the catalog's size.
 */
public final class Catalog implements Inventory, TokenLookup {

  // In the order given, so that a catalog rebuilt from this one (CatalogBuilder.from) reads alike.
  private final Map<String, Project> projectsById = new LinkedHashMap<>();
  private final Map<String, Project> projectsByTokenDigest = new HashMap<>();
  private final Map<String, Server> serversById = new LinkedHashMap<>();
  private final Map<String, Backup> backupsById = new LinkedHashMap<>();

  Catalog(List<Project> projects, List<Server> servers, List<Backup> backups) {
    for (Project project : projects) {
      projectsById.put(project.id(), project);
      project.tokens().forEach(token -> projectsByTokenDigest.put(digest(token), project));
    }
    servers.forEach(server -> serversById.put(server.id(), server));
    backups.forEach(backup -> backupsById.put(backup.id(), backup));
  }

  @Override
  public Optional<TokenScope> scopeOf(String token) {
    return projectForToken(token).map(project -> new TokenScope(project.id(), project.verified()));
  }

  /** The projects, in the order given. */
  public List<Project> projects() {
    return List.copyOf(projectsById.values());
  }

  /** The servers of every project, in the order given: to load this catalog into another store. */
  public List<Server> servers() {
    return List.copyOf(serversById.values());
  }

  /** The backups of every project, in the order given: to load this catalog into another store. */
  public List<Backup> backups() {
    return List.copyOf(backupsById.values());
  }

  /** Every project, server and backup, in the order given. */
  CatalogLoader.CatalogFile contents() {
    return new CatalogLoader.CatalogFile(List.copyOf(projectsById.values()), List.copyOf(serversById.values()),
        List.copyOf(backupsById.values()));
  }

  public Optional<Project> project(String projectId) {
    return Optional.ofNullable(projectsById.get(projectId));
  }

  /**
   * The project a token is scoped to. Tokens are looked up by their SHA-256 digest, so neither
   * the map nor a string comparison ever sees the secret itself and the time taken does not
   * depend on how much of a guessed token is right.
   */
  public Optional<Project> projectForToken(String token) {
    return Optional.ofNullable(projectsByTokenDigest.get(digest(token)));
  }

  /** One per thread: looking a digest up by name on every request showed in the profile. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  });

  private static String digest(String token) {
    // digest() resets the instance for its next use.
    return HexFormat.of().formatHex(SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public Optional<Server> server(String projectId, String serverId) {
    Server server = serversById.get(serverId);
    return server != null && server.projectId().equals(projectId) ? Optional.of(server) : Optional.empty();
  }

  @Override
  public Optional<Backup> backup(String projectId, String checkpointItemId) {
    Backup backup = backupsById.get(checkpointItemId);
    return backup != null && backup.projectId().equals(projectId) ? Optional.of(backup) : Optional.empty();
  }
}
