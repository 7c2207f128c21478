package io.github.csbscontract.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Request bodies for property and fuzz tests: valid bodies over the IDs of the reference server's
 * demo catalog, and the ways clients get them wrong. Everything is derived from a seed so that a
 * failure reproduces. Shared through this module's test-jar.
 */
public final class Requests {

  public static final ObjectMapper JSON = new ObjectMapper();
  public static final List<String> BACKUPS = List.of("8986ce68-3da7-4d29-9cc2-1921e9504975", "0b7a4c1e-5f3d-4e2a-9c8b-1d2e3f4a5b6c",
      "e14c1d7e-8448-4709-af4d-6ee6dda4dd1e", "4630de19-bf77-438d-8b9b-7cefad989a70", "3dbf2458-c928-40e1-b9c9-19c108050a4e");
  public static final List<String> SERVERS = List.of("5aa119a8-d25b-45a7-8d1b-88e127885635", "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
      "d13c513a-42f8-4da1-97b1-165f0971b7c4", "3cbb7daa-64c1-44fa-88a7-c8252abc5619", "959575fe-0a73-4d03-b43a-2c9fbed3e91c");
  public static final List<String> DISK_IDS = List.of("7ea119a8-d25b-43a7-8d1b-88e12788513a", "45baf976-c20a-4894-a7c3-c94b7376bf55",
      "7ccaa901-c61f-462f-8422-0e931c962909", "234fbb23-dcf9-4c31-98a0-e3334436a18f", "881a7f0c-c7b7-4bd2-81d9-6d1af775a447");
  public static final List<String> TYPES = List.of("OS::Nova::Server", "OS::Ironic::BareMetalServer", "OS::Cinder::Volume");
  public static final List<String> ODD_STRINGS = List.of("", " ", "\u0000", "\uD83D\uDE00", "\u202Eevil", "\u0661\u0662\u0663",
      "x".repeat(70_000), "'; DROP TABLE servers;--", "${jndi:ldap://127.0.0.1/x}", "\\u0041", "\uFFFF");

  private Requests() {}

  public static String validBody(Random random) {
    ObjectNode body = JSON.createObjectNode();
    int items = 1 + random.nextInt(random.nextInt(10) == 0 ? 100 : 4);
    if (random.nextBoolean()) {
      ArrayNode list = body.putArray("check_restorable");
      for (int i = 0; i < items; i++) {
        ObjectNode item = list.addObject();
        item.put("checkpoint_item_id", id(random, BACKUPS));
        ObjectNode target = item.putObject("target");
        target.put("resource_id", id(random, SERVERS));
        target.put("resource_type", pick(random, TYPES));
        ArrayNode volumes = target.putArray("volumes");
        int disks = 1 + random.nextInt(3);
        java.util.Set<String> backups = new java.util.HashSet<>();
        java.util.Set<String> targets = new java.util.HashSet<>();
        for (int v = 0; v < disks; v++) {
          // A backup or a disk named twice is a parameter error of its own; valid bodies avoid it.
          String backup = id(random, DISK_IDS);
          String disk = id(random, DISK_IDS);
          if (backups.add(backup) && targets.add(disk)) {
            volumes.addObject().put("backup_id", backup).put("volume_id", disk);
          }
        }
      }
    } else {
      ArrayNode list = body.putArray("check_protectable");
      for (int i = 0; i < items; i++) {
        list.addObject().put("resource_id", id(random, SERVERS)).put("resource_type", pick(random, TYPES));
      }
    }
    return body.toString();
  }

  /** One of the mistakes clients make, applied to a valid body. */
  public static String mutatedBody(Random random) {
    String valid = validBody(random);
    JsonNode tree;
    try {
      tree = JSON.readTree(valid);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    switch (random.nextInt(11)) {
      case 0 -> replaceLeaf(tree, random, JSON.getNodeFactory().numberNode(random.nextInt()));
      case 1 -> replaceLeaf(tree, random, JSON.getNodeFactory().nullNode());
      case 2 -> replaceLeaf(tree, random, JSON.getNodeFactory().textNode(pick(random, ODD_STRINGS)));
      case 3 -> replaceLeaf(tree, random, random.nextBoolean() ? JSON.createArrayNode() : JSON.createObjectNode());
      case 4 -> removeField(tree, random);
      case 5 -> randomObject(tree, random).put("unknown_" + random.nextInt(100), pick(random, ODD_STRINGS));
      case 6 -> {
        return "{\"check_restorable\": [], " + valid.substring(1);
      }
      case 7 -> {
        int depth = 1 + random.nextInt(3000);
        return "[".repeat(depth) + valid + "]".repeat(depth);
      }
      case 8 -> {
        return valid.substring(0, random.nextInt(valid.length()));
      }
      case 9 -> {
        return random.nextBoolean() ? "{}" : "{\"check_restorable\": [], \"check_protectable\": []}";
      }
      default -> {
        byte[] junk = new byte[random.nextInt(200)];
        random.nextBytes(junk);
        return new String(junk, java.nio.charset.StandardCharsets.ISO_8859_1);
      }
    }
    return tree.toString();
  }

  private static String id(Random random, List<String> known) {
    return random.nextInt(4) == 0 ? UUID.randomUUID().toString() : pick(random, known);
  }

  public static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static void replaceLeaf(JsonNode node, Random random, JsonNode replacement) {
    ObjectNode object = randomObject(node, random);
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    object.set(pick(random, names), replacement);
  }

  private static void removeField(JsonNode node, Random random) {
    ObjectNode object = randomObject(node, random);
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    object.remove(pick(random, names));
  }

  /** A random object in the tree, the root included. */
  private static ObjectNode randomObject(JsonNode root, Random random) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(root, objects);
    return pick(random, objects);
  }

  private static void collect(JsonNode node, List<ObjectNode> objects) {
    if (node instanceof ObjectNode object) {
      objects.add(object);
    }
    node.forEach(child -> collect(child, objects));
  }
}
