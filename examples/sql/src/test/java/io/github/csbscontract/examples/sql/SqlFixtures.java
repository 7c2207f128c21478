package io.github.csbscontract.examples.sql;

import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.catalog.Project;
import io.github.csbscontract.rules.Backup;
import io.github.csbscontract.rules.Server;
import io.github.csbscontract.tests.FixtureLoader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The contract cases' data, written into the service's tables as its own data would be. */
final class SqlFixtures implements FixtureLoader {

  private final DataSource database;

  SqlFixtures(DataSource database) {
    this.database = database;
  }

  @Override
  public void load(Catalog catalog) throws SQLException {
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement project = connection.prepareStatement("INSERT INTO project VALUES (?, ?, ?)");
          PreparedStatement token = connection.prepareStatement("INSERT INTO token VALUES (?, ?)");
          PreparedStatement server = connection.prepareStatement("INSERT INTO server VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement volume = connection.prepareStatement("INSERT INTO volume VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement backup = connection.prepareStatement("INSERT INTO backup VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement volumeBackup = connection.prepareStatement(
              "INSERT INTO volume_backup VALUES (?, ?, ?, ?, ?, ?)")) {
        for (Project p : catalog.projects()) {
          insert(project, p.id(), p.name(), p.verified());
          for (String t : p.tokens()) {
            insert(token, SqlInventory.digest(t), p.id());
          }
        }
        for (Server s : catalog.servers()) {
          insert(server, s.id(), s.projectId(), s.name(), s.status().name(), s.type(), s.availabilityZone());
          for (int i = 0; i < s.volumes().size(); i++) {
            Server.Volume v = s.volumes().get(i);
            insert(volume, s.id(), i, v.id(), v.sizeGb(), v.bootable(), v.shareable());
          }
        }
        for (Backup b : catalog.backups()) {
          insert(backup, b.id(), b.projectId(), b.name(), b.status().wireName(), b.resourceId(), b.resourceType(),
              b.availabilityZone(), b.supportedRestoreMode().wireName());
          for (int i = 0; i < b.volumeBackups().size(); i++) {
            Backup.VolumeBackup v = b.volumeBackups().get(i);
            insert(volumeBackup, b.id(), i, v.id(), v.sourceVolumeId(), v.sizeGb(), v.bootable());
          }
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private static void insert(PreparedStatement statement, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
    statement.executeUpdate();
  }

  @Override
  public void clear() throws SQLException {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      // Tokens, servers, backups and their disks go with their projects (ON DELETE CASCADE).
      statement.executeUpdate("DELETE FROM project");
    }
  }
}
