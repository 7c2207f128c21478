package io.github.csbscontract.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.csbscontract.jaxrs.TokenLookup;
import io.github.csbscontract.rules.Backup;
import io.github.csbscontract.rules.Inventory;
import io.github.csbscontract.rules.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference server's demo catalog, in memory: two projects with their tokens, and a server or
 * backup for every failure code. With it, any runtime passes every conformance case, those that
 * need the demo catalog included.
 *
 * <pre>{@code
 * DemoCatalog demo = DemoCatalog.load();
 * new ResourceConfig().register(new CapabilityResource(demo)).register(new CsbsFeature(demo));
 * }</pre>
 */
public final class DemoCatalog implements Inventory, TokenLookup {

  /** Demo project A, which most cases ask about. */
  public static final String PROJECT_A = "0605767ab000d4c12f3bc0033d9d5d06";
  /** A token of project A. */
  public static final String TOKEN_A = "demo-token-project-a";
  /** A token of demo project B: another project's token for project A's requests. */
  public static final String TOKEN_B = "demo-token-project-b";

  static final String RESOURCE = "io/github/csbscontract/demo/demo-catalog.json";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
      .build();

  private final Map<String, String> projectByToken = new HashMap<>();
  private final Map<String, Server> servers = new HashMap<>();
  private final Map<String, Backup> backups = new HashMap<>();

  private DemoCatalog(File file) {
    file.projects().forEach(project -> project.tokens().forEach(token -> projectByToken.put(token, project.id())));
    file.servers().forEach(server -> servers.put(server.id(), server));
    file.backups().forEach(backup -> backups.put(backup.id(), backup));
  }

  /** Reads the bundled demo catalog. */
  public static DemoCatalog load() {
    try (InputStream in = DemoCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the demo jar");
      }
      return new DemoCatalog(MAPPER.readValue(in, File.class));
    } catch (IOException e) {
      throw new UncheckedIOException("the demo catalog cannot be read", e);
    }
  }

  @Override
  public Optional<String> projectOf(String token) {
    return Optional.ofNullable(projectByToken.get(token));
  }

  @Override
  public Optional<Server> server(String projectId, String serverId) {
    return Optional.ofNullable(servers.get(serverId)).filter(server -> server.projectId().equals(projectId));
  }

  @Override
  public Optional<Backup> backup(String projectId, String checkpointItemId) {
    return Optional.ofNullable(backups.get(checkpointItemId)).filter(backup -> backup.projectId().equals(projectId));
  }

  @Override
  public String toString() {
    return "DemoCatalog[" + projectByToken.size() + " tokens hidden, " + servers.size() + " servers, "
        + backups.size() + " backups]";
  }

  record File(List<Project> projects, List<Server> servers, List<Backup> backups) {}

  record Project(String id, String name, List<String> tokens) {}
}
