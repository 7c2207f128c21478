package io.github.csbscontract.catalog;

import io.github.csbscontract.core.Contract;
import io.github.csbscontract.rules.Backup;
import io.github.csbscontract.rules.BackupStatus;
import io.github.csbscontract.rules.RestoreMode;
import io.github.csbscontract.rules.Server;
import io.github.csbscontract.rules.ServerStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A catalog built in code: the same projects, servers and backups a catalog file describes,
 * checked the same way when built (unique IDs, known projects, lowercase UUIDs, sizes). Servers
 * and backups belong to the first project unless they name another; defaults: ECS, ACTIVE or
 * available, zone {@value #DEFAULT_AZ}, restore mode {@code backup}.
 *
 * <pre>
 * Catalog catalog = CatalogBuilder.empty()
 *     .project("0605767ab000d4c12f3bc0033d9d5d06", p -&gt; p.token("my-test-token"))
 *     .server("5aa119a8-d25b-45a7-8d1b-88e127885635", s -&gt; s.systemDisk("45baf976-c20a-4894-a7c3-c94b7376bf55", 40))
 *     .backup("8986ce68-3da7-4d29-9cc2-1921e9504975", b -&gt; b
 *         .of("6507cb66-90dc-4a12-a573-c9f3398f899d")
 *         .systemDiskBackup("7ea119a8-d25b-43a7-8d1b-88e12788513a", 40))
 *     .build();
 * </pre>
 */
// Long because it builds three kinds of things (projects, servers, backups), each with its own
// small nested builder and the same checks a catalog file gets.
public final class CatalogBuilder {

  /** The availability zone of servers and backups that name none. */
  public static final String DEFAULT_AZ = "eu-de-01";

  private final List<Project> projects = new ArrayList<>();
  private final List<Server> servers = new ArrayList<>();
  private final List<Backup> backups = new ArrayList<>();

  private CatalogBuilder() {}

  /** A builder with nothing in it: add a project first, then its servers and backups. */
  public static CatalogBuilder empty() {
    return new CatalogBuilder();
  }

  /** Everything in {@code catalog}, to add to (for example {@code CatalogLoader.demo()}). */
  public static CatalogBuilder from(Catalog catalog) {
    CatalogBuilder builder = new CatalogBuilder();
    CatalogLoader.CatalogFile contents = catalog.contents();
    builder.projects.addAll(contents.projects());
    builder.servers.addAll(contents.servers());
    builder.backups.addAll(contents.backups());
    return builder;
  }

  /**
   * Adds a project: {@code id} is 32 lowercase hex characters, and {@code spec} gives it at least
   * one token (8 to 4,096 visible ASCII characters, unique across the catalog).
   */
  public CatalogBuilder project(String id, Consumer<ProjectSpec> spec) {
    ProjectSpec project = new ProjectSpec(id);
    spec.accept(project);
    projects.add(new Project(id, project.name, project.tokens, project.verified));
    return this;
  }

  /** Adds a server (a lowercase UUID) of the first project unless {@code spec} names another. */
  public CatalogBuilder server(String id, Consumer<ServerSpec> spec) {
    ServerSpec server = new ServerSpec(id);
    spec.accept(server);
    servers.add(new Server(id, projectOf(server.projectId), server.name, server.status, server.type,
        server.availabilityZone, server.volumes));
    return this;
  }

  /**
   * Adds a backup (checkpoint item; {@code id} is a lowercase UUID) of the first project unless
   * {@code spec} names another; {@code spec} must say which server it was taken {@code of}.
   */
  public CatalogBuilder backup(String id, Consumer<BackupSpec> spec) {
    BackupSpec backup = new BackupSpec(id);
    spec.accept(backup);
    if (backup.resourceId == null) {
      throw new IllegalStateException("backup " + id + ": of(serverId) was not called");
    }
    backups.add(new Backup(id, projectOf(backup.projectId), backup.name, backup.status, backup.resourceId,
        backup.resourceType, backup.availabilityZone, backup.restoreMode, backup.diskBackups));
    return this;
  }

  /** The catalog; throws {@link CatalogException} naming every problem, as for a file. */
  public Catalog build() {
    return CatalogLoader.checked(new CatalogLoader.CatalogFile(projects, servers, backups), "catalog built in code");
  }

  private String projectOf(String named) {
    if (named != null) {
      return named;
    }
    if (projects.isEmpty()) {
      throw new IllegalStateException("add a project before its servers and backups");
    }
    return projects.get(0).id();
  }

  /** A project and the tokens scoped to it. */
  public static final class ProjectSpec {
    private String name;
    private final List<String> tokens = new ArrayList<>();
    private boolean verified = true;

    private ProjectSpec(String id) {
      this.name = "project-" + id.substring(0, Math.min(8, id.length()));
    }

    /** Its name (by default {@code project-} and the first 8 characters of its ID). */
    public ProjectSpec name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * An {@code X-Auth-Token} value of this project: 8 to 4,096 visible ASCII characters (no
     * spaces or line breaks), unique across the catalog; {@link CatalogBuilder#build()} refuses others.
     */
    public ProjectSpec token(String token) {
      tokens.add(Objects.requireNonNull(token, "token == null"));
      return this;
    }

    /** Its user is not verified: its tokens get 403 {@code CSBS.9009} ("User is unverified."). */
    public ProjectSpec unverified() {
      this.verified = false;
      return this;
    }
  }

  /** A server: type, status, zone, and its disks in order. */
  public static final class ServerSpec {
    private String projectId;
    private String name;
    private String type = Contract.ECS;
    private ServerStatus status = ServerStatus.ACTIVE;
    private String availabilityZone = DEFAULT_AZ;
    private final List<Server.Volume> volumes = new ArrayList<>();

    private ServerSpec(String id) {
      this.name = "server-" + id.substring(0, Math.min(8, id.length()));
    }

    /** The project it belongs to, instead of the catalog's first. */
    public ServerSpec project(String projectId) {
      this.projectId = Objects.requireNonNull(projectId, "projectId == null");
      return this;
    }

    /** Its name (by default {@code server-} and the first 8 characters of its ID). */
    public ServerSpec name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** {@code OS::Nova::Server} (the default) or {@code OS::Ironic::BareMetalServer}, or any other. */
    public ServerSpec type(String type) {
      this.type = Objects.requireNonNull(type, "type == null");
      return this;
    }

    /** ACTIVE (the default) or SHUTOFF allow restore and backup; the others refuse them. */
    public ServerSpec status(ServerStatus status) {
      this.status = Objects.requireNonNull(status, "status == null");
      return this;
    }

    /** Its availability zone (default {@value CatalogBuilder#DEFAULT_AZ}); a restore stays in one. */
    public ServerSpec availabilityZone(String zone) {
      this.availabilityZone = Objects.requireNonNull(zone, "zone == null");
      return this;
    }

    /** The bootable disk. */
    public ServerSpec systemDisk(String volumeId, int sizeGb) {
      volumes.add(new Server.Volume(volumeId, sizeGb, true, false));
      return this;
    }

    /** A data disk, not shared. */
    public ServerSpec dataDisk(String volumeId, int sizeGb) {
      volumes.add(new Server.Volume(volumeId, sizeGb, false, false));
      return this;
    }

    /** A data disk shared with other servers (restore and backup refuse it). */
    public ServerSpec shareableDisk(String volumeId, int sizeGb) {
      volumes.add(new Server.Volume(volumeId, sizeGb, false, true));
      return this;
    }
  }

  /** A backup (checkpoint item) of a server: its status, zone, restore mode and disk backups. */
  public static final class BackupSpec {
    private String projectId;
    private String name;
    private BackupStatus status = BackupStatus.AVAILABLE;
    private String resourceId;
    private String resourceType = Contract.ECS;
    private String availabilityZone = DEFAULT_AZ;
    private RestoreMode restoreMode = RestoreMode.BACKUP;
    private final List<Backup.VolumeBackup> diskBackups = new ArrayList<>();
    private int sourceVolumes;

    private final String id;

    private BackupSpec(String id) {
      this.id = id;
      this.name = "backup-" + id.substring(0, Math.min(8, id.length()));
    }

    /** The project it belongs to, instead of the catalog's first. */
    public BackupSpec project(String projectId) {
      this.projectId = Objects.requireNonNull(projectId, "projectId == null");
      return this;
    }

    /** Its name (by default {@code backup-} and the first 8 characters of its ID). */
    public BackupSpec name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** The ECS it was taken of. */
    public BackupSpec of(String serverId) {
      return of(serverId, Contract.ECS);
    }

    /** The server it was taken of, and that server's type. */
    public BackupSpec of(String serverId, String serverType) {
      this.resourceId = Objects.requireNonNull(serverId, "serverId == null");
      this.resourceType = Objects.requireNonNull(serverType, "serverType == null");
      return this;
    }

    /** {@code available} (the default) allows restore; the busy and failed ones refuse it. */
    public BackupSpec status(BackupStatus status) {
      this.status = Objects.requireNonNull(status, "status == null");
      return this;
    }

    /** Its availability zone (default {@value CatalogBuilder#DEFAULT_AZ}); a restore stays in one. */
    public BackupSpec availabilityZone(String zone) {
      this.availabilityZone = Objects.requireNonNull(zone, "zone == null");
      return this;
    }

    /** {@code na} makes it unrestorable (CSBS.6013). */
    public BackupSpec restoreMode(RestoreMode mode) {
      this.restoreMode = Objects.requireNonNull(mode, "mode == null");
      return this;
    }

    /** The backup of the system disk; {@code diskBackupId} is what a restore maps as {@code backup_id}. */
    public BackupSpec systemDiskBackup(String diskBackupId, int sizeGb) {
      diskBackups.add(new Backup.VolumeBackup(diskBackupId, sourceVolumeId(), sizeGb, true));
      return this;
    }

    /** The backup of a data disk; {@code diskBackupId} is what a restore maps as {@code backup_id}. */
    public BackupSpec dataDiskBackup(String diskBackupId, int sizeGb) {
      diskBackups.add(new Backup.VolumeBackup(diskBackupId, sourceVolumeId(), sizeGb, false));
      return this;
    }

    /** The source disk's ID matters to no rule; one derived from the backup's keeps them apart. */
    private String sourceVolumeId() {
      return UUID.nameUUIDFromBytes((id + "/" + ++sourceVolumes).getBytes(StandardCharsets.UTF_8)).toString();
    }
  }
}
