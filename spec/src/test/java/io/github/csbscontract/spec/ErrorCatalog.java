package io.github.csbscontract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The contract's error catalog, {@code errors.yaml} from the spec jar: every error answer with
 * its code, HTTP status, where it arises, message template and source (documented, or the
 * contract's choice and why). Shared through the test-jar so that every module's tests can hold
 * their codes, templates, exceptions and cases to it.
 */
public final class ErrorCatalog {

  public static final String RESOURCE = "io/github/csbscontract/spec/errors.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<Entry> ENTRIES = parse(readResource());

  /** Where an error arises. */
  public enum Where {
    /** The API gateway in front of the service; its bodies add {@code request_id}. */
    GATEWAY,
    /** The service, refusing the request as a whole. */
    REQUEST,
    /** One item's result ({@code result: false}) inside a 200 answer. */
    ITEM
  }

  /** One error answer of the catalog. */
  public record Entry(String code, int status, Where where, List<String> actions, String message, String meaning,
      String documented, Integer documentedStatus, String contractChoice, boolean referenceServer, String testedBy,
      boolean onOperation) {

    /** Whether an answer with this code, status and message is this entry ({@code %s} matches any text). */
    public boolean matches(String code, int status, String message) {
      return this.code.equals(code) && this.status == status && message != null
          && template().matcher(message).matches();
    }

    /** The message template as a pattern: {@code %s} stands for any text. */
    public Pattern template() {
      StringBuilder regex = new StringBuilder();
      String[] literals = message.split("%s", -1);
      for (int i = 0; i < literals.length; i++) {
        regex.append(i == 0 ? "" : ".*").append(Pattern.quote(literals[i]));
      }
      return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** How much of the template is fixed text: the more, the more specific a match. */
    int specificity() {
      return message.replace("%s", "").length();
    }

    /** {@code documented}, {@code contract choice}, or both: a documented code put to the contract's use. */
    public String source() {
      if (contractChoice == null) {
        return "documented";
      }
      return documented == null ? "contract choice" : "documented code, contract's use";
    }

    @Override
    public String toString() {
      return status + " " + code + " \"" + message + "\"";
    }
  }

  private ErrorCatalog() {}

  /** Every entry, in the catalog's order. */
  public static List<Entry> entries() {
    return ENTRIES;
  }

  /** The most specific entry for an answer, if the catalog has one. */
  public static Optional<Entry> find(String code, int status, String message) {
    return ENTRIES.stream().filter(e -> e.matches(code, status, message))
        .max(Comparator.comparingInt(Entry::specificity));
  }

  /** The catalog as the Markdown table the spec's description carries. */
  public static String markdownTable() {
    StringBuilder table = new StringBuilder("| HTTP | code | where | message | meaning | source |\n")
        .append("|---|---|---|---|---|---|\n");
    for (Entry e : ENTRIES) {
      String status = e.where() == Where.ITEM
          ? "200 (item; documented as " + e.documentedStatus() + ")" : String.valueOf(e.status());
      String where = e.where().name().toLowerCase(Locale.ROOT)
          + (e.actions().isEmpty() ? "" : " (" + String.join(", ", e.actions()) + ")");
      table.append("| ").append(status).append(" | ").append(e.code()).append(" | ").append(where)
          .append(" | `").append(e.message()).append("` | ").append(e.meaning().replace("\n", " ").trim())
          .append(" | ").append(e.source()).append(" |\n");
    }
    return table.toString();
  }

  static List<Entry> parse(String yamlText) {
    JsonNode root;
    try {
      root = YAML.readTree(yamlText);
    } catch (IOException e) {
      throw new IllegalStateException("errors.yaml does not parse", e);
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode node : root.path("codes")) {
      List<String> actions = new ArrayList<>();
      node.path("actions").forEach(a -> actions.add(a.asText()));
      entries.add(new Entry(
          node.path("code").asText(),
          node.path("status").asInt(),
          Where.valueOf(node.path("where").asText().toUpperCase(Locale.ROOT)),
          List.copyOf(actions),
          node.path("message").asText(),
          node.path("meaning").asText(),
          text(node, "documented"),
          node.has("documented_status") ? node.get("documented_status").asInt() : null,
          text(node, "contract_choice"),
          node.path("reference_server").asBoolean(true),
          text(node, "tested_by"),
          node.path("on_operation").asBoolean(true)));
    }
    return List.copyOf(entries);
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static String readResource() {
    try (InputStream in = ErrorCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
