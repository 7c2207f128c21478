package ${package};

import io.github.csbscontract.rules.Backup;
import io.github.csbscontract.rules.BackupStatus;
import io.github.csbscontract.rules.Inventory;
import io.github.csbscontract.rules.RestoreMode;
import io.github.csbscontract.rules.Server;
import io.github.csbscontract.rules.ServerStatus;
import io.github.csbscontract.service.TokenLookup;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Your data, in memory: which project a token belongs to, and the servers and backups of each
 * project. Replace it with lookups in your own systems (implement {@link Inventory} and
 * {@link TokenLookup}, and load the contract cases' data into them with the test's
 * {@code InMemoryFixtures}). The rules ask once per request, {@link Inventory#find} for every
 * backup and server the request names: its default asks {@link #backup} and {@link #server} once
 * per ID; a database overrides it with one query. A store that cannot answer now throws
 * {@code StoreUnavailableException} (503 with {@code Retry-After}).
 */
public final class InMemoryInventory implements Inventory, TokenLookup {

  /** The sample project and its token (change them: the token is a secret). */
  public static final String SAMPLE_PROJECT = "0605767ab000d4c12f3bc0033d9d5d06";
  public static final String SAMPLE_TOKEN = "change-me-sample-token";

  private final Map<String, TokenScope> scopeByToken = new ConcurrentHashMap<>();
  private final Map<String, Server> servers = new ConcurrentHashMap<>();
  private final Map<String, Backup> backups = new ConcurrentHashMap<>();

  /** One project with one server and a backup of it that can be restored onto it. */
  public static InMemoryInventory sample() {
    InMemoryInventory data = new InMemoryInventory();
    data.addToken(SAMPLE_TOKEN, SAMPLE_PROJECT);
    data.add(Server.builder("5aa119a8-d25b-45a7-8d1b-88e127885635")
        .projectId(SAMPLE_PROJECT)
        .name("web-1")
        .status(ServerStatus.ACTIVE)
        .type("OS::Nova::Server")
        .availabilityZone("eu-de-01")
        .volume(new Server.Volume("45baf976-c20a-4894-a7c3-c94b7376bf55", 100, true, false))
        .build());
    data.add(Backup.builder("8986ce68-3da7-4d29-9cc2-1921e9504975")
        .projectId(SAMPLE_PROJECT)
        .name("web-1-nightly")
        .status(BackupStatus.AVAILABLE)
        .resourceId("5aa119a8-d25b-45a7-8d1b-88e127885635")
        .resourceType("OS::Nova::Server")
        .availabilityZone("eu-de-01")
        .supportedRestoreMode(RestoreMode.BACKUP)
        .volumeBackup(new Backup.VolumeBackup("7ea119a8-d25b-43a7-8d1b-88e12788513a",
            "45baf976-c20a-4894-a7c3-c94b7376bf55", 40, true))
        .build());
    return data;
  }

  /** A token of a verified user of the project. */
  public InMemoryInventory addToken(String token, String projectId) {
    return addToken(token, projectId, true);
  }

  /** A token of the project; {@code verified} false: its user is refused with 403 {@code CSBS.9009}. */
  public InMemoryInventory addToken(String token, String projectId, boolean verified) {
    scopeByToken.put(token, new TokenScope(projectId, verified));
    return this;
  }

  /** Forgets every token, server and backup. */
  public void clear() {
    scopeByToken.clear();
    servers.clear();
    backups.clear();
  }

  public InMemoryInventory add(Server server) {
    servers.put(server.id(), server);
    return this;
  }

  public InMemoryInventory add(Backup backup) {
    backups.put(backup.id(), backup);
    return this;
  }

  @Override
  public Optional<TokenScope> scopeOf(String token) {
    return Optional.ofNullable(scopeByToken.get(token));
  }

  @Override
  public Optional<Server> server(String projectId, String serverId) {
    return Optional.ofNullable(servers.get(serverId)).filter(server -> server.projectId().equals(projectId));
  }

  @Override
  public Optional<Backup> backup(String projectId, String checkpointItemId) {
    return Optional.ofNullable(backups.get(checkpointItemId)).filter(backup -> backup.projectId().equals(projectId));
  }
}
