package io.github.csbscontract.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A server (ECS or BMS) and its attached disks. */
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
}
