package io.github.csbscontract.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A server (ECS or BMS) and its attached disks. Build one from a store's row with
 * {@link #builder(String)}, which names the fields as it sets them.
 */
public record Server(
    String id,
    String projectId,
    String name,
    ServerStatus status,
    String type,
    String availabilityZone,
    List<Volume> volumes) {

  public Server {
    volumes = List.copyOf(volumes);
  }

  /** Attached disks by ID, built on demand: only the restore rules need it. */
  public Map<String, Volume> volumesById() {
    Map<String, Volume> byId = new HashMap<>(volumes.size() * 2);
    volumes.forEach(volume -> byId.put(volume.id(), volume));
    return byId;
  }

  /** An attached EVS disk. {@code bootable} marks the system disk. */
  public record Volume(String id, int sizeGb, boolean bootable, boolean shareable) {}

  /** A server with this ID, every other field to set; disks in order. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Sets each field by name; {@link #build()} names any that was not set. */
  public static final class Builder {
    private final String id;
    private String projectId;
    private String name;
    private ServerStatus status;
    private String type;
    private String availabilityZone;
    private final List<Volume> volumes = new ArrayList<>();

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id == null");
    }

    public Builder projectId(String projectId) {
      this.projectId = projectId;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder status(ServerStatus status) {
      this.status = status;
      return this;
    }

    /** {@code OS::Nova::Server}, {@code OS::Ironic::BareMetalServer}, or another type. */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    public Builder availabilityZone(String availabilityZone) {
      this.availabilityZone = availabilityZone;
      return this;
    }

    /** Attaches one disk after those attached before. */
    public Builder volume(Volume volume) {
      volumes.add(Objects.requireNonNull(volume, "volume == null"));
      return this;
    }

    /** Attaches these disks after those attached before. */
    public Builder volumes(List<Volume> more) {
      more.forEach(this::volume);
      return this;
    }

    /** @throws IllegalStateException naming the fields that were not set */
    public Server build() {
      List<String> missing = new ArrayList<>();
      if (projectId == null) missing.add("projectId");
      if (name == null) missing.add("name");
      if (status == null) missing.add("status");
      if (type == null) missing.add("type");
      if (availabilityZone == null) missing.add("availabilityZone");
      if (!missing.isEmpty()) {
        throw new IllegalStateException("server " + id + ": " + String.join(", ", missing) + " not set");
      }
      return new Server(id, projectId, name, status, type, availabilityZone, volumes);
    }
  }
}
