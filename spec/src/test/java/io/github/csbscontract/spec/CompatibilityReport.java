package io.github.csbscontract.spec;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * Every change openapi-diff finds between two specs, one line each: whether it breaks clients
 * (openapi-diff's verdict for that change), what changed, and where (operation, request or
 * response, field path). Changes of descriptions and examples are counted apart: they break
 * nobody, but a reviewer may want to read them.
 */
final class CompatibilityReport {

  /**
   * One change: breaking or compatible, what changed, and where: the operation, the part of it
   * (a parameter, the request body, a response) and the field's path in that part's body.
   */
  record Change(boolean breaking, String operation, String part, String path, String what) {

    String where() {
      return part + (path.isEmpty() ? "" : " `" + path + "`");
    }
  }

  /** Schema keywords whose value change openapi-diff judges, with how to read the value. */
  private static final Map<String, Function<Schema<?>, Object>> KEYWORDS = new LinkedHashMap<>();

  static {
    KEYWORDS.put("maxLength", Schema::getMaxLength);
    KEYWORDS.put("pattern", Schema::getPattern);
    KEYWORDS.put("minItems", Schema::getMinItems);
    KEYWORDS.put("maxItems", Schema::getMaxItems);
    KEYWORDS.put("minProperties", Schema::getMinProperties);
    KEYWORDS.put("maxProperties", Schema::getMaxProperties);
    KEYWORDS.put("required", Schema::getRequired);
    KEYWORDS.put("enum", Schema::getEnum);
    KEYWORDS.put("uniqueItems", Schema::getUniqueItems);
    KEYWORDS.put("nullable", Schema::getNullable);
    KEYWORDS.put("readOnly", Schema::getReadOnly);
    KEYWORDS.put("writeOnly", Schema::getWriteOnly);
    KEYWORDS.put("multipleOf", Schema::getMultipleOf);
  }

  private final List<Change> changes = new ArrayList<>();
  private final List<Change> documentation = new ArrayList<>();

  private CompatibilityReport() {}

  static CompatibilityReport of(ChangedOpenApi diff) {
    CompatibilityReport report = new CompatibilityReport();
    for (Endpoint added : diff.getNewEndpoints()) {
      report.changes.add(new Change(false, operation(added), "", "", "operation added"));
    }
    for (Endpoint removed : diff.getMissingEndpoints()) {
      report.changes.add(new Change(true, operation(removed), "", "", "operation removed"));
    }
    for (Endpoint deprecated : diff.getDeprecatedEndpoints()) {
      report.changes.add(new Change(false, operation(deprecated), "", "", "operation deprecated"));
    }
    for (ChangedOperation op : diff.getChangedOperations()) {
      report.operation(op);
    }
    // What openapi-diff judges breaking but this report does not classify (a keyword it does not
    // read) still breaks the verdict, as a row that says so.
    if (diff.isIncompatible() && report.changes.stream().noneMatch(Change::breaking)) {
      report.changes.add(new Change(true, "", "", "", "a change openapi-diff judges breaking, of a kind this report"
          + " does not name (see openapi-diff's own report)"));
    }
    return report;
  }

  List<Change> changes() {
    return changes;
  }

  List<Change> documentationChanges() {
    return documentation;
  }

  /** The changes as Markdown list items, for a CHANGELOG entry. */
  List<String> changelogLines() {
    return rows(changes).stream().map(r -> "- " + (r.breaking() ? "**Breaking:** " : "") + r.what() + " ("
        + r.operation() + (r.where().isEmpty() ? "" : ", " + r.where()) + ")").toList();
  }

  /** The report as a pull-request comment: verdict, a table of changes per operation, documentation apart. */
  String markdown(String title, String verdict) {
    List<Row> rows = rows(changes);
    long breaking = rows.stream().filter(Row::breaking).count();
    StringBuilder md = new StringBuilder("## ").append(title).append("\n\n").append(verdict).append(".\n\n")
        .append(breaking).append(" breaking, ").append(rows.size() - breaking).append(" compatible.\n");
    Map<String, List<Row>> byOperation = new LinkedHashMap<>();
    rows.forEach(r -> byOperation.computeIfAbsent(r.operation(), o -> new ArrayList<>()).add(r));
    byOperation.forEach((operation, list) -> {
      md.append("\n### ").append(operation).append("\n\n| change | what | where |\n|---|---|---|\n");
      for (Row r : list) {
        md.append("| ").append(r.breaking() ? "**breaking**" : "compatible").append(" | ").append(cell(r.what()))
            .append(" | ").append(cell(r.where())).append(" |\n");
      }
    });
    if (changes.isEmpty()) {
      md.append("\nNo changes to what clients send or receive.\n");
    }
    if (!documentation.isEmpty()) {
      List<Row> docs = rows(documentation);
      md.append("\n<details><summary>Descriptions and examples changed (").append(docs.size())
          .append(")</summary>\n\n");
      docs.forEach(d -> md.append("- ").append(d.operation()).append(d.where().isEmpty() ? "" : " " + d.where())
          .append(": ").append(d.what()).append('\n'));
      md.append("\n</details>\n");
    }
    return md.toString();
  }

  /** Changes that differ only in their response status, as one line naming every status. */
  private record Row(boolean breaking, String operation, String where, String what) {}

  private static List<Row> rows(List<Change> changes) {
    Map<List<Object>, Set<String>> parts = new LinkedHashMap<>();
    for (Change c : changes) {
      boolean response = c.part().startsWith("response ");
      List<Object> key = List.of(c.breaking(), c.operation(), response ? "response" : c.part(), c.path(), c.what());
      parts.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(response ? c.part().substring("response ".length()) : c.part());
    }
    List<Row> rows = new ArrayList<>();
    parts.forEach((key, names) -> {
      String part = "response".equals(key.get(2))
          ? (names.size() == 1 ? "response " : "responses ") + String.join(", ", names) : (String) key.get(2);
      String path = (String) key.get(3);
      rows.add(new Row((Boolean) key.get(0), (String) key.get(1), part + (path.isEmpty() ? "" : " `" + path + "`"),
          (String) key.get(4)));
    });
    return rows;
  }

  private void operation(ChangedOperation op) {
    String operation = "`" + op.getHttpMethod() + " " + op.getPathUrl() + "`";
    if (changedMetadata(op.getSummary()) || changedMetadata(op.getDescription())) {
      documentation.add(new Change(false, operation, "", "", "summary or description"));
    }
    if (op.getParameters() != null) {
      op.getParameters().getIncreased().forEach(p -> add(Boolean.TRUE.equals(p.getRequired()), operation,
          "parameter `" + p.getName() + "` (" + p.getIn() + ")", "", Boolean.TRUE.equals(p.getRequired())
              ? "required parameter added" : "optional parameter added"));
      op.getParameters().getMissing().forEach(p -> add(true, operation,
          "parameter `" + p.getName() + "` (" + p.getIn() + ")", "", "parameter removed"));
      for (ChangedParameter p : op.getParameters().getChanged()) {
        String where = "parameter `" + p.getName() + "` (" + p.getIn() + ")";
        if (p.isChangeRequired()) {
          add(p.isIncompatible(), operation, where, "", "required changed");
        }
        if (changedMetadata(p.getDescription())) {
          documentation.add(new Change(false, operation, where, "", "description"));
        }
        schema(p.getSchema(), operation, where, "");
      }
    }
    if (op.getRequestBody() != null) {
      if (op.getRequestBody().isChangeRequired()) {
        add(op.getRequestBody().isIncompatible(), operation, "request body", "", "required changed");
      }
      content(op.getRequestBody().getContent(), operation, "request body");
    }
    if (op.getApiResponses() != null) {
      op.getApiResponses().getIncreased().keySet().forEach(status ->
          add(false, operation, "response " + status, "", "response added"));
      op.getApiResponses().getMissing().keySet().forEach(status ->
          add(true, operation, "response " + status, "", "response removed"));
      op.getApiResponses().getChanged().forEach((status, response) -> {
        if (changedMetadata(response.getDescription())) {
          documentation.add(new Change(false, operation, "response " + status, "", "description"));
        }
        content(response.getContent(), operation, "response " + status);
      });
    }
    if (op.getSecurityRequirements() != null && op.getSecurityRequirements().isDifferent()) {
      if (op.getSecurityRequirements().isChanged() == DiffResult.METADATA) {
        documentation.add(new Change(false, operation, "security", "", "description"));
      } else {
        add(op.getSecurityRequirements().isIncompatible(), operation, "security", "", "security requirements changed");
      }
    }
  }

  private void content(ChangedContent content, String operation, String where) {
    if (content == null) {
      return;
    }
    content.getIncreased().keySet().forEach(type -> add(false, operation, where, "", "media type `" + type + "` added"));
    content.getMissing().keySet().forEach(type -> add(true, operation, where, "", "media type `" + type + "` removed"));
    content.getChanged().forEach((type, media) -> {
      if (media.getExamples() != null && media.getExamples().isDifferent()
          || media.getExample() != null && media.getExample().isDifferent()) {
        documentation.add(new Change(false, operation, where, "", "examples"));
      }
      schema(media.getSchema(), operation, where, "");
    });
  }

  private void schema(ChangedSchema schema, String operation, String where, String path) {
    if (schema == null || !schema.isDifferent()) {
      return;
    }
    if (schema.isChangedType()) {
      add(true, operation, where, path, "type " + typeOf(schema.getOldSchema()) + " → " + typeOf(schema.getNewSchema()));
    }
    if (schema.isChangeFormat()) {
      add(true, operation, where, path, "format " + value(schema.getOldSchema(), Schema::getFormat) + " → "
          + value(schema.getNewSchema(), Schema::getFormat));
    }
    if (schema.isChangeDeprecated()) {
      add(false, operation, where, path, "deprecated changed");
    }
    if (schema.getNumericRange() != null && schema.getNumericRange().isDifferent()) {
      add(schema.getNumericRange().isIncompatible(), operation, where, path, "numeric range changed");
    }
    Map<String, Changed> leaves = new LinkedHashMap<>();
    leaves.put("maxLength", schema.getMaxLength());
    leaves.put("pattern", schema.getPattern());
    leaves.put("minItems", schema.getMinItems());
    leaves.put("maxItems", schema.getMaxItems());
    leaves.put("minProperties", schema.getMinProperties());
    leaves.put("maxProperties", schema.getMaxProperties());
    leaves.put("required", schema.getRequired());
    leaves.put("enum", schema.getEnumeration());
    leaves.put("uniqueItems", schema.getUniqueItems());
    leaves.put("nullable", schema.getNullable());
    leaves.put("readOnly", schema.getReadOnly());
    leaves.put("writeOnly", schema.getWriteOnly());
    leaves.put("multipleOf", schema.getMultipleOf());
    leaves.forEach((keyword, leaf) -> {
      if (leaf != null && leaf.isDifferent()) {
        Function<Schema<?>, Object> read = KEYWORDS.get(keyword);
        add(leaf.isIncompatible(), operation, where, path, "`" + keyword + "` " + value(schema.getOldSchema(), read) + " → "
            + value(schema.getNewSchema(), read));
      }
    });
    boolean response = schema.getContext() != null && schema.getContext().isResponse();
    schema.getIncreasedProperties().keySet().forEach(name ->
        add(false, operation, where, join(path, name), "property added"));
    // A field that disappears from an answer breaks clients that read it; from a request, it is
    // one the server no longer reads.
    schema.getMissingProperties().keySet().forEach(name ->
        add(response, operation, where, join(path, name), "property removed"));
    if (changedMetadata(schema.getDescription())) {
      documentation.add(new Change(false, operation, where, path, "description"));
    }
    schema.getChangedProperties().forEach((name, property) -> schema(property, operation, where, join(path, name)));
    schema(schema.getItems(), operation, where, path + "[]");
    schema(schema.getAddProp(), operation, where, path + ".*");
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  private void add(boolean breaking, String operation, String part, String path, String what) {
    changes.add(new Change(breaking, operation, part, path, what));
  }

  private static boolean changedMetadata(Changed metadata) {
    return metadata != null && metadata.isDifferent();
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String operation(Endpoint endpoint) {
    return "`" + endpoint.getMethod() + " " + endpoint.getPathUrl() + "`";
  }

  private static String typeOf(Schema<?> schema) {
    return schema == null ? "none" : Objects.toString(schema.getType(), "any");
  }

  private static String value(Schema<?> schema, Function<Schema<?>, Object> read) {
    Object value = schema == null ? null : read.apply(schema);
    return value == null ? "none" : "`" + value + "`";
  }
}
