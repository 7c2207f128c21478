package io.github.csbscontract.examples.sql;

import io.github.csbscontract.rules.Backup;
import io.github.csbscontract.rules.BackupStatus;
import io.github.csbscontract.rules.Inventory;
import io.github.csbscontract.rules.RestoreMode;
import io.github.csbscontract.rules.Server;
import io.github.csbscontract.rules.ServerStatus;
import io.github.csbscontract.rules.StoreUnavailableException;
import io.github.csbscontract.service.TokenLookup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The service's data in a SQL database ({@code schema.sql} beside this class): one query for
 * the token, and one for everything a request names ({@link #find}), whatever the number of
 * items. A database that cannot be reached is {@link StoreUnavailableException} (503 with
 * {@code Retry-After}); any other SQL failure is a fault of the service (500).
 */
public final class SqlInventory implements Inventory, TokenLookup {

  /** How long clients are asked to wait while the database is unreachable. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  /**
   * Backups and servers in one statement (one round trip): a backup row per disk backup and a
   * server row per disk, with the columns that only one kind has left null for the other.
   */
  private static final String FIND = """
      SELECT 'B' AS kind, b.id, b.project_id, b.name, b.status, b.resource_type AS type,
             b.availability_zone, b.restore_mode, b.resource_id,
             v.position, v.id AS volume_id, v.source_volume_id, v.size_gb, v.bootable, FALSE AS shareable
        FROM backup b LEFT JOIN volume_backup v ON v.backup_id = b.id
       WHERE b.project_id = ? AND b.id = ANY(?)
      UNION ALL
      SELECT 'S', s.id, s.project_id, s.name, s.status, s.type,
             s.availability_zone, CAST(NULL AS VARCHAR(16)), CAST(NULL AS VARCHAR(36)),
             v.position, v.id, CAST(NULL AS VARCHAR(36)), v.size_gb, v.bootable, v.shareable
        FROM server s LEFT JOIN volume v ON v.server_id = s.id
       WHERE s.project_id = ? AND s.id = ANY(?)
      ORDER BY kind, id, position
      """;

  private static final String SCOPE = """
      SELECT p.id, p.verified FROM token t JOIN project p ON p.id = t.project_id WHERE t.digest = ?
      """;

  private final DataSource database;

  public SqlInventory(DataSource database) {
    this.database = database;
  }

  /** Creates the tables that do not exist yet. */
  public static void createSchema(DataSource database) {
    String script;
    try (InputStream in = SqlInventory.class.getResourceAsStream("schema.sql")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      for (String command : script.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!command.isBlank()) {
          statement.execute(command);
        }
      }
    } catch (SQLException e) {
      throw failure("creating the schema", e);
    }
  }

  /** The SHA-256 digest a token is stored by. */
  public static String digest(String token) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public Optional<TokenScope> scopeOf(String token) {
    try (Connection connection = database.getConnection();
        PreparedStatement query = connection.prepareStatement(SCOPE)) {
      query.setString(1, digest(token));
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(new TokenScope(row.getString(1), row.getBoolean(2))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("looking up a token", e);
    }
  }

  @Override
  public Optional<Backup> backup(String projectId, String checkpointItemId) {
    return Optional.ofNullable(find(projectId, Set.of(checkpointItemId), Set.of()).backups().get(checkpointItemId));
  }

  @Override
  public Optional<Server> server(String projectId, String serverId) {
    return Optional.ofNullable(find(projectId, Set.of(), Set.of(serverId)).servers().get(serverId));
  }

  @Override
  public Found find(String projectId, Set<String> backupIds, Set<String> serverIds) {
    Map<String, Backup.Builder> backups = new LinkedHashMap<>();
    Map<String, Server.Builder> servers = new LinkedHashMap<>();
    try (Connection connection = database.getConnection();
        PreparedStatement query = connection.prepareStatement(FIND)) {
      query.setString(1, projectId);
      query.setArray(2, connection.createArrayOf("VARCHAR", backupIds.toArray()));
      query.setString(3, projectId);
      query.setArray(4, connection.createArrayOf("VARCHAR", serverIds.toArray()));
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          if ("B".equals(row.getString("kind"))) {
            addBackupRow(backups, row);
          } else {
            addServerRow(servers, row);
          }
        }
      }
    } catch (SQLException e) {
      throw failure("looking up backups and servers", e);
    }
    Map<String, Backup> foundBackups = new HashMap<>();
    backups.forEach((id, backup) -> foundBackups.put(id, backup.build()));
    Map<String, Server> foundServers = new HashMap<>();
    servers.forEach((id, server) -> foundServers.put(id, server.build()));
    return new Found(foundBackups, foundServers);
  }

  private static void addBackupRow(Map<String, Backup.Builder> backups, ResultSet row) throws SQLException {
    String id = row.getString("id");
    Backup.Builder backup = backups.get(id);
    if (backup == null) {
      backup = Backup.builder(id)
          .projectId(row.getString("project_id"))
          .name(row.getString("name"))
          .status(BackupStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)))
          .resourceId(row.getString("resource_id"))
          .resourceType(row.getString("type"))
          .availabilityZone(row.getString("availability_zone"))
          .supportedRestoreMode(RestoreMode.valueOf(row.getString("restore_mode").toUpperCase(Locale.ROOT)));
      backups.put(id, backup);
    }
    if (row.getString("volume_id") != null) {
      backup.volumeBackup(new Backup.VolumeBackup(row.getString("volume_id"), row.getString("source_volume_id"),
          row.getInt("size_gb"), row.getBoolean("bootable")));
    }
  }

  private static void addServerRow(Map<String, Server.Builder> servers, ResultSet row) throws SQLException {
    String id = row.getString("id");
    Server.Builder server = servers.get(id);
    if (server == null) {
      server = Server.builder(id)
          .projectId(row.getString("project_id"))
          .name(row.getString("name"))
          .status(ServerStatus.valueOf(row.getString("status")))
          .type(row.getString("type"))
          .availabilityZone(row.getString("availability_zone"));
      servers.put(id, server);
    }
    if (row.getString("volume_id") != null) {
      server.volume(new Server.Volume(row.getString("volume_id"), row.getInt("size_gb"), row.getBoolean("bootable"),
          row.getBoolean("shareable")));
    }
  }

  /**
   * A database that cannot be reached (connection refused or broken, SQL state class 08, or a
   * failure the driver calls transient) is unavailable; anything else is our fault.
   */
  static RuntimeException failure(String doing, SQLException e) {
    boolean unreachable = e instanceof SQLNonTransientConnectionException || e instanceof SQLTransientException
        || e instanceof SQLRecoverableException || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
    return unreachable
        ? new StoreUnavailableException("database unreachable while " + doing, e, RETRY_AFTER)
        : new IllegalStateException("database failure while " + doing, e);
  }
}
