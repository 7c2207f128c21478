package io.github.csbscontract.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.csbscontract.rules.Backup;
import io.github.csbscontract.rules.BackupStatus;
import io.github.csbscontract.rules.RestoreMode;
import io.github.csbscontract.rules.Server;
import io.github.csbscontract.rules.ServerStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A catalog's JSON tree read as strictly as {@code catalog.schema.json} says: a string is a JSON
 * string, a boolean is {@code true} or {@code false}, a size is a whole number, no field unknown
 * or missing. Jackson's data binding would coerce {@code "12"}, {@code 1.9}, {@code 0} and
 * {@code "false"} into the record types (how much depends on the Jackson version the user's build
 * manages), so the tree is walked by hand. The first problem is reported, named by its JSON path.
 */
final class CatalogJson {

  private static final Set<String> ROOT = Set.of("projects", "servers", "backups");
  private static final Set<String> PROJECT = Set.of("id", "name", "tokens", "verified");
  private static final Set<String> SERVER =
      Set.of("id", "project_id", "name", "status", "type", "availability_zone", "volumes");
  private static final Set<String> VOLUME = Set.of("id", "size_gb", "bootable", "shareable");
  private static final Set<String> BACKUP = Set.of("id", "project_id", "name", "status", "resource_id", "resource_type",
      "availability_zone", "supported_restore_mode", "volume_backups");
  private static final Set<String> VOLUME_BACKUP = Set.of("id", "source_volume_id", "size_gb", "bootable");

  private CatalogJson() {}

  /** The file's contents; throws {@link Refused} naming the first value the schema refuses. */
  static CatalogLoader.CatalogFile read(JsonNode root) {
    object(root, "$", ROOT, ROOT);
    List<Project> projects = list(root.get("projects"), "$.projects", CatalogJson::project);
    List<Server> servers = list(root.get("servers"), "$.servers", CatalogJson::server);
    List<Backup> backups = list(root.get("backups"), "$.backups", CatalogJson::backup);
    if (projects.isEmpty()) {
      throw new Refused("$.projects", "must hold at least one project");
    }
    return new CatalogLoader.CatalogFile(projects, servers, backups);
  }

  /** A value the schema refuses, at its JSON path. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The path as a JSON pointer ({@code /servers/0/id}), to find its line in the text. */
    final String pointer;

    Refused(String path, String problem) {
      super(path + ": " + problem, null, false, false);
      this.pointer = path.substring(1).replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
    }
  }

  /**
   * Where in the text a refused value is, as {@code line L, column C}: the value itself, or, for
   * a missing field, the object that lacks it. The tree keeps no locations, so the text is
   * streamed again, once, only for an error.
   */
  static String place(byte[] json, Refused refused) {
    try (com.fasterxml.jackson.core.JsonParser parser = new com.fasterxml.jackson.core.JsonFactory().createParser(json)) {
      com.fasterxml.jackson.core.JsonLocation best = null;
      int bestLength = -1;
      for (com.fasterxml.jackson.core.JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
          continue;
        }
        // A value's own pointer: a container's start token reports its parent's context.
        String at = token.isStructStart() ? parser.getParsingContext().getParent().pathAsPointer().toString()
            : parser.getParsingContext().pathAsPointer().toString();
        boolean within = refused.pointer.equals(at) || refused.pointer.startsWith(at + "/") || at.isEmpty();
        if (within && at.length() > bestLength) {
          best = parser.currentTokenLocation();
          bestLength = at.length();
        }
      }
      return best == null ? "" : " (line " + best.getLineNr() + ", column " + best.getColumnNr() + ")";
    } catch (java.io.IOException | RuntimeException unreadable) {
      return "";
    }
  }

  private interface Reader<T> {
    T read(JsonNode node, String at);
  }

  private static Project project(JsonNode node, String at) {
    object(node, at, Set.of("id", "name", "tokens"), PROJECT);
    List<String> tokens = list(node.get("tokens"), at + ".tokens", CatalogJson::text);
    JsonNode verified = node.get("verified");
    return new Project(text(node.get("id"), at + ".id"), text(node.get("name"), at + ".name"), tokens,
        verified == null || bool(verified, at + ".verified"));
  }

  private static Server server(JsonNode node, String at) {
    object(node, at, SERVER, SERVER);
    return new Server(text(node.get("id"), at + ".id"), text(node.get("project_id"), at + ".project_id"),
        text(node.get("name"), at + ".name"), oneOf(node.get("status"), at + ".status", ServerStatus.class, Enum::name),
        text(node.get("type"), at + ".type"), text(node.get("availability_zone"), at + ".availability_zone"),
        list(node.get("volumes"), at + ".volumes", (volume, v) -> {
          object(volume, v, VOLUME, VOLUME);
          return new Server.Volume(text(volume.get("id"), v + ".id"), size(volume.get("size_gb"), v + ".size_gb"),
              bool(volume.get("bootable"), v + ".bootable"), bool(volume.get("shareable"), v + ".shareable"));
        }));
  }

  private static Backup backup(JsonNode node, String at) {
    object(node, at, BACKUP, BACKUP);
    return new Backup(text(node.get("id"), at + ".id"), text(node.get("project_id"), at + ".project_id"),
        text(node.get("name"), at + ".name"),
        oneOf(node.get("status"), at + ".status", BackupStatus.class, BackupStatus::wireName),
        text(node.get("resource_id"), at + ".resource_id"), text(node.get("resource_type"), at + ".resource_type"),
        text(node.get("availability_zone"), at + ".availability_zone"),
        oneOf(node.get("supported_restore_mode"), at + ".supported_restore_mode", RestoreMode.class, RestoreMode::wireName),
        list(node.get("volume_backups"), at + ".volume_backups", (volume, v) -> {
          object(volume, v, VOLUME_BACKUP, VOLUME_BACKUP);
          return new Backup.VolumeBackup(text(volume.get("id"), v + ".id"),
              text(volume.get("source_volume_id"), v + ".source_volume_id"), size(volume.get("size_gb"), v + ".size_gb"),
              bool(volume.get("bootable"), v + ".bootable"));
        }));
  }

  /** An object with every required field and no unknown one; required fields first, in schema order. */
  private static void object(JsonNode node, String at, Set<String> required, Set<String> known) {
    if (!node.isObject()) {
      throw new Refused(at, "must be an object");
    }
    for (String field : required.stream().sorted().toList()) {
      if (!node.has(field)) {
        throw new Refused(at + "." + field, "missing field");
      }
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new Refused(at, "unknown field \"" + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "\"");
      }
    }
  }

  private static <T> List<T> list(JsonNode node, String at, Reader<T> item) {
    if (!node.isArray()) {
      throw new Refused(at, "must be a list");
    }
    List<T> items = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      items.add(item.read(node.get(i), at + "[" + i + "]"));
    }
    return items;
  }

  private static String text(JsonNode node, String at) {
    if (!node.isTextual()) {
      throw new Refused(at, "must be a string");
    }
    return node.textValue();
  }

  private static boolean bool(JsonNode node, String at) {
    if (!node.isBoolean()) {
      throw new Refused(at, "must be true or false");
    }
    return node.booleanValue();
  }

  /** A whole number from 1 (no {@code 1.9}, no {@code "12"}). */
  private static int size(JsonNode node, String at) {
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
      throw new Refused(at, "must be a whole number from 1 to " + Integer.MAX_VALUE);
    }
    return node.intValue();
  }

  private static <E extends Enum<E>> E oneOf(JsonNode node, String at, Class<E> type, Function<E, String> wireName) {
    String value = text(node, at);
    for (E constant : type.getEnumConstants()) {
      if (wireName.apply(constant).equals(value)) {
        return constant;
      }
    }
    throw new Refused(at, "\"" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "\" is not one of "
        + Arrays.stream(type.getEnumConstants()).map(wireName).collect(Collectors.joining(", ")));
  }
}
