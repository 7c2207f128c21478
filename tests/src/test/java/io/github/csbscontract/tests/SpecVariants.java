package io.github.csbscontract.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.csbscontract.spec.SpecContract;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Request bodies derived from the spec itself, not from a hand-made list: starting from each
 * documented request example, for every node of the request schema, each wrong JSON type
 * (null, boolean, number, string, array, object), each missing required property, an unknown
 * property, each length and item-count bound broken by one (and met exactly), and near misses
 * of each pattern. Exhaustive: the space is small.
 */
final class SpecVariants {

  /** One body, and where it differs from a valid one (the JSON path a refusal must name). */
  record Variant(String description, String field, JsonNode body) {
    @Override
    public String toString() {
      return description;
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Map<String, JsonNode> WRONG_TYPES = wrongTypes();

  private final List<Variant> variants = new ArrayList<>();
  private JsonNode root;

  private SpecVariants() {}

  /** Every variant of every request example of the operation. */
  static List<Variant> all() {
    SpecVariants out = new SpecVariants();
    var requestBody = SpecContract.model().getPaths().values().iterator().next().getPost().getRequestBody();
    var mediaType = requestBody.getContent().get("application/json");
    Schema<?> schema = mediaType.getSchema();
    for (var example : mediaType.getExamples().entrySet()) {
      var documented = example.getValue();
      if (documented.get$ref() != null) {
        documented = SpecContract.model().getComponents().getExamples()
            .get(documented.get$ref().substring(documented.get$ref().lastIndexOf('/') + 1));
      }
      out.root = MAPPER.valueToTree(documented.getValue());
      out.add("example " + example.getKey() + " as documented", "", out.root.deepCopy());
      out.walk(example.getKey(), schema, out.root, "");
    }
    return out.variants;
  }

  private void walk(String example, Schema<?> schema, JsonNode node, String path) {
    String at = path.isEmpty() ? "body" : path;
    for (Map.Entry<String, JsonNode> wrong : WRONG_TYPES.entrySet()) {
      if (!wrong.getKey().equals(typeOf(schema))) {
        replace(example + ": " + at + " as " + wrong.getKey(), path, wrong.getValue());
      }
    }
    if (schema.getMinLength() != null || schema.getMaxLength() != null) {
      lengths(example, schema, node, path);
    }
    if (schema.getPattern() != null) {
      nearMisses(example, node, path);
    }
    if (schema instanceof ArraySchema array) {
      counts(example, array, node, path);
      for (int i = 0; i < node.size(); i++) {
        walk(example, array.getItems(), node.get(i), path + "[" + i + "]");
      }
    }
    if (schema.getProperties() != null && node.isObject()) {
      List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
      for (String name : required) {
        if (node.has(name)) {
          JsonNode copy = root.deepCopy();
          ((ObjectNode) locate(copy, path)).remove(name);
          add(example + ": " + join(path, name) + " missing", join(path, name), copy);
        }
      }
      JsonNode withUnknown = root.deepCopy();
      ((ObjectNode) locate(withUnknown, path)).put("x_unknown_field", 1);
      add(example + ": unknown field in " + at, join(path, "x_unknown_field"), withUnknown);
      for (var property : schema.getProperties().entrySet()) {
        if (node.has(property.getKey())) {
          walk(example, property.getValue(), node.get(property.getKey()), join(path, property.getKey()));
        }
      }
    }
  }

  private void lengths(String example, Schema<?> schema, JsonNode node, String path) {
    String text = node.asText();
    Set<Integer> lengths = new java.util.TreeSet<>();
    if (schema.getMinLength() != null) {
      lengths.add(Math.max(0, schema.getMinLength() - 1));
      lengths.add(schema.getMinLength());
    }
    if (schema.getMaxLength() != null) {
      lengths.add(schema.getMaxLength());
      lengths.add(schema.getMaxLength() + 1);
    }
    for (int length : lengths) {
      // Keep the text's own characters, so a pattern of repeated classes may still hold.
      StringBuilder value = new StringBuilder(text);
      while (value.length() < length) {
        value.append(text.isEmpty() ? 'a' : text.charAt(value.length() % text.length()));
      }
      value.setLength(length);
      replace(example + ": " + path + " of length " + length, path, NODES.textNode(value.toString()));
    }
  }

  private void nearMisses(String example, JsonNode node, String path) {
    String text = node.asText();
    Map<String, String> misses = new LinkedHashMap<>();
    misses.put("in upper case", text.toUpperCase(java.util.Locale.ROOT));
    misses.put("with a trailing newline", text + "\n");
    misses.put("with a leading space", " " + text);
    misses.put("with its first character replaced by 'g'", "g" + text.substring(1));
    misses.put("with its last character replaced by '-'", text.substring(0, text.length() - 1) + "-");
    misses.put("without its separators", text.replace("-", "").replace(":", ""));
    misses.put("with a non-ASCII character", text.substring(0, text.length() - 1) + "\u00e9");
    for (var miss : misses.entrySet()) {
      if (!miss.getValue().equals(text)) {
        replace(example + ": " + path + " " + miss.getKey(), path, NODES.textNode(miss.getValue()));
      }
    }
  }

  private void counts(String example, ArraySchema schema, JsonNode node, String path) {
    Set<Integer> counts = new java.util.TreeSet<>();
    if (schema.getMinItems() != null) {
      counts.add(Math.max(0, schema.getMinItems() - 1));
      counts.add(schema.getMinItems());
    }
    if (schema.getMaxItems() != null) {
      counts.add(schema.getMaxItems());
      counts.add(schema.getMaxItems() + 1);
    }
    for (int count : counts) {
      ArrayNode items = NODES.arrayNode();
      for (int i = 0; i < count; i++) {
        items.add(distinct(node.get(i % Math.max(1, node.size())), i));
      }
      replace(example + ": " + path + " with " + count + " items", path, items);
    }
  }

  /**
   * A copy whose IDs differ from the other copies' (their last four hex digits are the copy's
   * number), so that a long list breaks no rule but its length.
   */
  private static JsonNode distinct(JsonNode item, int copy) {
    JsonNode clone = item.deepCopy();
    if (copy > 0) {
      renumber(clone, copy);
    }
    return clone;
  }

  private static void renumber(JsonNode node, int copy) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      object.fieldNames().forEachRemaining(name -> {
        JsonNode value = object.get(name);
        if (value.isTextual() && value.asText().matches("[0-9a-f-]{36}")) {
          String id = value.asText();
          object.put(name, id.substring(0, 32) + String.format("%04x", copy));
        } else {
          renumber(value, copy);
        }
      });
    } else if (node.isArray()) {
      node.forEach(element -> renumber(element, copy));
    }
  }

  private void replace(String description, String path, JsonNode value) {
    JsonNode copy = root.deepCopy();
    if (path.isEmpty()) {
      add(description, "body", value.deepCopy());
      return;
    }
    int split = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    JsonNode parent = locate(copy, split < 0 ? "" : path.substring(0, split));
    if (path.charAt(Math.max(split, 0)) == '[') {
      ((ArrayNode) parent).set(Integer.parseInt(path.substring(split + 1, path.length() - 1)), value.deepCopy());
    } else {
      ((ObjectNode) parent).set(split < 0 ? path : path.substring(split + 1), value.deepCopy());
    }
    add(description, path, copy);
  }

  private void add(String description, String field, JsonNode body) {
    variants.add(new Variant(description, field, body));
  }

  /** The node at a path such as {@code check_restorable[0].target}. */
  private static JsonNode locate(JsonNode root, String path) {
    JsonNode node = root;
    for (String step : path.isEmpty() ? new String[0] : path.split("\\.")) {
      int bracket = step.indexOf('[');
      node = node.get(bracket < 0 ? step : step.substring(0, bracket));
      while (bracket >= 0) {
        int close = step.indexOf(']', bracket);
        node = node.get(Integer.parseInt(step.substring(bracket + 1, close)));
        bracket = step.indexOf('[', close);
      }
    }
    return node;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String typeOf(Schema<?> schema) {
    if (schema instanceof ArraySchema) {
      return "array";
    }
    return schema.getType() != null ? schema.getType() : schema.getProperties() != null ? "object" : "unknown";
  }

  private static Map<String, JsonNode> wrongTypes() {
    Map<String, JsonNode> types = new LinkedHashMap<>();
    types.put("null", NODES.nullNode());
    types.put("boolean", NODES.booleanNode(true));
    types.put("number", NODES.numberNode(1));
    types.put("string", NODES.textNode("x"));
    types.put("array", NODES.arrayNode());
    types.put("object", NODES.objectNode());
    return types;
  }
}
