package io.github.csbscontract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every constraint of the spec's schemas with what justifies it, and every contract choice.
 *
 * <p>On a schema, {@value #DOCUMENTED} and {@value #CHOICE} are maps from a constraint keyword
 * of that schema to its source or reason. Elsewhere (the operation, the request body, a
 * response) {@value #CHOICE} is a sentence: the reason for what that element says.
 *
 * <p>The rule the walk enforces: a schema that only responses use constrains nothing the
 * documents do not promise (each constraint marked {@value #DOCUMENTED}); a request schema may
 * constrain more, but each constraint says whether it is documented or the contract's choice.
 */
final class SpecMarks {

  static final String DOCUMENTED = "x-documented";
  static final String CHOICE = "x-contract-choice";

  /** Keywords that narrow which values a schema accepts. */
  static final List<String> CONSTRAINTS = List.of("required", "enum", "format", "minLength", "maxLength", "pattern",
      "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems",
      "uniqueItems", "minProperties", "maxProperties", "additionalProperties", SpecContract.UNIQUE_ITEM_PROPERTIES);

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  enum Side { REQUEST, RESPONSE }

  /** One constraint keyword of one schema, with its marks (null when unmarked). */
  record Constraint(Side side, String where, String keyword, JsonNode value, String documented, String choice) {}

  /**
   * One contract choice: where it applies, what it is (a keyword and its value, or null for a
   * whole element), and the reason.
   */
  record Choice(String where, String what, String reason) {}

  private final JsonNode root;
  private final List<Constraint> constraints = new ArrayList<>();
  private final List<Choice> choices = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final Map<Side, Set<String>> walked = Map.of(Side.REQUEST, new HashSet<>(), Side.RESPONSE, new HashSet<>());

  private SpecMarks(JsonNode root) {
    this.root = root;
  }

  static SpecMarks of(String specText) {
    try {
      SpecMarks marks = new SpecMarks(YAML.readTree(specText));
      marks.walk();
      return marks;
    } catch (IOException e) {
      throw new IllegalStateException("openapi.yaml does not parse", e);
    }
  }

  List<Constraint> constraints() {
    return constraints;
  }

  List<Choice> choices() {
    return choices;
  }

  /**
   * What breaks the rule: unmarked constraints, contract choices on response schemas, and marks
   * that name a keyword the schema does not have (left behind when a constraint went).
   */
  List<String> problems() {
    List<String> all = new ArrayList<>(problems);
    for (Constraint c : constraints) {
      String what = c.where() + " " + c.keyword() + ": " + c.value();
      if (c.side() == Side.RESPONSE && c.documented() == null
          && !("required".equals(c.keyword()) && c.choice() != null)) {
        all.add("response schema " + what + " is not marked " + DOCUMENTED
            + ": responses constrain only what the documents promise");
      } else if (c.side() == Side.REQUEST && c.documented() == null && c.choice() == null) {
        all.add("request schema " + what + " is marked neither " + DOCUMENTED + " nor " + CHOICE);
      }
      // A response may promise a field by the contract's choice (required), where the documents
      // show it in every answer without a Mandatory column; it may cap nothing by choice.
      if (c.side() == Side.RESPONSE && c.choice() != null && !"required".equals(c.keyword())) {
        all.add("response schema " + what + " is marked " + CHOICE
            + ": a response constrains nothing by the contract's choice");
      }
    }
    return all;
  }

  /**
   * The choices as Markdown bullets, one per reason, each naming what it governs: the schemas
   * that share a constraint are named together before it.
   */
  String markdownList() {
    Map<String, Map<String, List<String>>> byReason = new LinkedHashMap<>();
    for (Choice choice : choices) {
      byReason.computeIfAbsent(choice.reason(), r -> new LinkedHashMap<>())
          .computeIfAbsent(choice.what() == null ? "" : choice.what(), w -> new ArrayList<>())
          .add(choice.what() == null ? choice.where() : "`" + choice.where() + "`");
    }
    StringBuilder list = new StringBuilder();
    byReason.forEach((reason, byWhat) -> list.append("- ").append(byWhat.entrySet().stream()
            .map(e -> String.join(", ", e.getValue()) + (e.getKey().isEmpty() ? "" : " `" + e.getKey() + "`"))
            .collect(Collectors.joining("; ")))
        .append(": ").append(reason).append('\n'));
    return list.toString();
  }

  private void walk() {
    for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
      for (Iterator<Map.Entry<String, JsonNode>> ops = paths.next().getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        JsonNode operation = op.getValue();
        elementChoice(operation, "operation " + operation.path("operationId").asText(op.getKey()));
        for (JsonNode parameter : operation.path("parameters")) {
          JsonNode resolved = resolve(parameter);
          schema(resolved.path("schema"), "parameter " + resolved.path("name").asText(), Side.REQUEST);
        }
        JsonNode body = resolve(operation.path("requestBody"));
        elementChoice(body, "request body");
        body.path("content").forEach(media -> schema(media.path("schema"), "request body", Side.REQUEST));
        elementChoice(operation.path("responses"), "responses of " + operation.path("operationId").asText(op.getKey()));
        for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext(); ) {
          Map.Entry<String, JsonNode> response = responses.next();
          if (response.getKey().startsWith("x-")) {
            continue;
          }
          JsonNode resolved = resolve(response.getValue());
          elementChoice(resolved, "response " + response.getKey());
          resolved.path("content").forEach(media ->
              schema(media.path("schema"), "response " + response.getKey(), Side.RESPONSE));
        }
      }
    }
  }

  private void elementChoice(JsonNode element, String where) {
    JsonNode choice = element.get(CHOICE);
    if (choice == null) {
      return;
    }
    if (!choice.isTextual()) {
      problems.add(where + ": " + CHOICE + " must be a sentence (the reason)");
      return;
    }
    choices.add(new Choice(where, null, choice.asText()));
  }

  private void schema(JsonNode node, String where, Side side) {
    if (node == null || node.isMissingNode()) {
      return;
    }
    if (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      if (walked.get(side).add(name)) {
        schema(resolve(node), name, side);
      }
      return;
    }
    JsonNode documented = marks(node, DOCUMENTED, where);
    JsonNode chosen = marks(node, CHOICE, where);
    for (String keyword : CONSTRAINTS) {
      JsonNode value = node.get(keyword);
      if (value == null || ("additionalProperties".equals(keyword) && value.isBoolean() && value.asBoolean())) {
        continue;
      }
      String source = documented.path(keyword).isTextual() ? documented.get(keyword).asText() : null;
      String reason = chosen.path(keyword).isTextual() ? chosen.get(keyword).asText() : null;
      constraints.add(new Constraint(side, where, keyword, value, source, reason));
      if (reason != null) {
        choices.add(new Choice(where, keyword + ": " + inline(value), reason));
      }
    }
    for (JsonNode marked : List.of(documented, chosen)) {
      marked.fieldNames().forEachRemaining(keyword -> {
        if (!node.has(keyword)) {
          problems.add(where + ": marks " + keyword + ", which the schema does not have");
        }
      });
    }
    node.path("properties").fields().forEachRemaining(p -> schema(p.getValue(), where + "." + p.getKey(), side));
    schema(node.get("items"), where + "[]", side);
    if (node.path("additionalProperties").isObject()) {
      schema(node.get("additionalProperties"), where + ".*", side);
    }
    for (String composition : List.of("allOf", "oneOf", "anyOf")) {
      int i = 0;
      for (JsonNode part : node.path(composition)) {
        schema(part, where + "/" + composition + "[" + i++ + "]", side);
      }
    }
  }

  private JsonNode marks(JsonNode schema, String name, String where) {
    JsonNode marks = schema.path(name);
    if (!marks.isMissingNode() && !marks.isObject()) {
      problems.add(where + ": " + name + " on a schema must map constraint keywords to their source or reason");
      return YAML.createObjectNode();
    }
    return marks;
  }

  /** The node a local {@code $ref} points to, or the node itself. */
  private JsonNode resolve(JsonNode node) {
    if (node == null || !node.has("$ref")) {
      return node == null ? YAML.missingNode() : node;
    }
    String ref = node.get("$ref").asText();
    if (!ref.startsWith("#/")) {
      throw new IllegalStateException("only local references are supported: " + ref);
    }
    return root.at(ref.substring(1));
  }

  private static String inline(JsonNode value) {
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(v -> items.add(v.asText()));
      return "[" + String.join(", ", items) + "]";
    }
    return value.asText();
  }
}
