package io.github.csbscontract.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Validates requests and responses against {@code openapi.yaml}, read from the spec jar.
 *
 * <p>Shared through this module's test-jar so that every test that produces or consumes a
 * response checks it against the one spec. Exchanges outside the operation (unknown path, other
 * method) are error answers: their body is checked against {@code ErrorResponse}.
 *
 * <p>Requests are also held to {@value #UNIQUE_ITEM_PROPERTIES}, the spec's extension for what
 * JSON Schema 3.0 cannot say: no two items of an array share a value of the named properties.
 */
public final class SpecContract {

  public static final String RESOURCE = "io/github/csbscontract/spec/openapi.yaml";

  /**
   * On the 200 response: the key of the answer's result list for each action key of the request.
   * JSON Schema 3.0 says it only with {@code oneOf}, which breaks both Java generators.
   */
  public static final String RESULT_KEY_BY_ACTION = "x-result-key-by-action";

  /** On an array schema: item properties whose values must not repeat within the array. */
  public static final String UNIQUE_ITEM_PROPERTIES = "x-unique-item-properties";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern OPERATION_PATH =
      Pattern.compile("^/v1/[^/]+/providers/[^/]+/resources/action$");

  private static final String SPEC_TEXT = readSpec();
  private static final OpenAPI MODEL = parse(SPEC_TEXT);
  private static final OpenApiInteractionValidator VALIDATOR = validatorFor(SPEC_TEXT);

  /** Statuses the error catalog keeps off the operation (on_operation: false) and the operation does not declare. */
  private static final Set<Integer> OFF_OPERATION_STATUSES = offOperationStatuses();

  private SpecContract() {}

  private static Set<Integer> offOperationStatuses() {
    Set<String> declared = MODEL.getPaths().values().iterator().next().getPost().getResponses().keySet();
    Set<Integer> statuses = new TreeSet<>();
    ErrorCatalog.entries().stream().filter(e -> !e.onOperation() && !declared.contains(String.valueOf(e.status())))
        .forEach(e -> statuses.add(e.status()));
    return Set.copyOf(statuses);
  }

  /** The spec exactly as the spec jar ships it. */
  public static String specText() {
    return SPEC_TEXT;
  }

  /** The parsed spec with every {@code $ref} resolved. */
  public static OpenAPI model() {
    return MODEL;
  }

  public static OpenAPI parse(String specText) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    var result = new OpenAPIV3Parser().readContents(specText, null, options);
    if (result.getOpenAPI() == null) {
      throw new IllegalStateException("openapi.yaml does not parse: " + result.getMessages());
    }
    return result.getOpenAPI();
  }

  /**
   * A validator with JSON Schema's own meaning of an omitted {@code additionalProperties}
   * (allowed). By default the validator injects {@code additionalProperties: false} into every
   * object schema, which would refuse the unknown item fields the spec tolerates; an explicit
   * {@code false}, as on the request's top level, is still enforced.
   */
  public static OpenApiInteractionValidator validatorFor(String specText) {
    return OpenApiInteractionValidator.createForInlineApiSpecification(specText)
        .withLevelResolver(LevelResolver.create()
            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
            .build())
        .build();
  }

  /** Problems of a request against the operation; empty when the request is valid. */
  public static List<String> requestProblems(
      String method, String path, Map<String, String> headers, String body) {
    List<String> problems = new ArrayList<>(messages(VALIDATOR.validateRequest(request(method, path, headers, body))));
    if (isOperation(method, path)) {
      problems.addAll(uniqueItemPropertyProblems(MODEL, body));
    }
    return problems;
  }

  /**
   * Repeated values of the properties an array schema names in {@value #UNIQUE_ITEM_PROPERTIES},
   * in a request body of the spec's one operation; each problem names the repeating field by its
   * JSON path. A body that is not JSON has none (the validator reports it).
   */
  static List<String> uniqueItemPropertyProblems(OpenAPI model, String body) {
    if (body == null || body.isBlank()) {
      return List.of();
    }
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (JsonProcessingException notJson) {
      return List.of();
    }
    Schema<?> schema = model.getPaths().values().iterator().next().getPost()
        .getRequestBody().getContent().get("application/json").getSchema();
    List<String> problems = new ArrayList<>();
    uniqueItemProperties(schema, json, "", problems);
    return problems;
  }

  private static void uniqueItemProperties(Schema<?> schema, JsonNode node, String at, List<String> problems) {
    if (schema == null || node == null) {
      return;
    }
    if (node.isObject() && schema.getProperties() != null) {
      schema.getProperties().forEach((name, property) ->
          uniqueItemProperties(property, node.get(name), at.isEmpty() ? name : at + "." + name, problems));
    }
    if (node.isArray() && schema.getItems() != null) {
      Object unique = schema.getExtensions() == null ? null : schema.getExtensions().get(UNIQUE_ITEM_PROPERTIES);
      if (unique instanceof List<?> names) {
        for (Object name : names) {
          Map<JsonNode, Integer> firstAt = new HashMap<>();
          for (int i = 0; i < node.size(); i++) {
            JsonNode value = node.get(i).get(String.valueOf(name));
            if (value == null || value.isNull()) {
              continue;
            }
            Integer first = firstAt.putIfAbsent(value, i);
            if (first != null) {
              problems.add("validation.request.body.uniqueItemProperties: " + at + "[" + i + "]." + name
                  + ": repeats the " + name + " of " + at + "[" + first + "]");
            }
          }
        }
      }
      for (int i = 0; i < node.size(); i++) {
        uniqueItemProperties(schema.getItems(), node.get(i), at + "[" + i + "]", problems);
      }
    }
  }

  /**
   * Problems of a response to {@code method path}; empty when valid. Answers to anything but the
   * operation must be {@code ErrorResponse} bodies.
   */
  public static List<String> responseProblems(
      String method, String path, int status, String contentType, String body) {
    if (!isOperation(method, path)) {
      return errorBodyProblems(body);
    }
    if (OFF_OPERATION_STATUSES.contains(status)) {
      // 408, 501, 505: in the error catalog, not on the operation (no HTTP client library
      // provokes them); their body is still an ErrorResponse.
      return errorBodyProblems(body);
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
    if (contentType != null) {
      response.withContentType(contentType);
    }
    if (body != null) {
      response.withBody(body);
    }
    List<String> problems = new ArrayList<>(
        messages(VALIDATOR.validateResponse(stripQuery(path), Request.Method.POST, response.build())));
    if (status == 200) {
      problems.addAll(resultKeyProblems(null, body));
    }
    return problems;
  }

  /**
   * Problems of a response to a request of the operation with {@code requestBody}: as
   * {@link #responseProblems(String, String, int, String, String)}, and a 200 must carry the
   * result list of the request's action ({@value #RESULT_KEY_BY_ACTION}).
   */
  public static List<String> responseProblems(
      String method, String path, String requestBody, int status, String contentType, String body) {
    List<String> problems = new ArrayList<>(responseProblems(method, path, status, contentType, body));
    if (status == 200 && isOperation(method, path)) {
      problems.removeIf(p -> p.startsWith("validation.response.body.resultKey"));
      problems.addAll(resultKeyProblems(requestBody, body));
    }
    return problems;
  }

  /**
   * A 200 body must hold the result list of the request's action; without the request, one of
   * the result lists. A body that is not a JSON object is the validator's to report.
   */
  static List<String> resultKeyProblems(String requestBody, String responseBody) {
    @SuppressWarnings("unchecked")
    Map<String, String> keys = (Map<String, String>) MODEL.getPaths().values().iterator().next().getPost()
        .getResponses().get("200").getExtensions().get(RESULT_KEY_BY_ACTION);
    JsonNode answer = readObject(responseBody);
    if (answer == null) {
      return List.of();
    }
    JsonNode request = readObject(requestBody);
    List<String> wanted = new ArrayList<>();
    keys.forEach((action, key) -> {
      if (request == null || request.has(action)) {
        wanted.add(key);
      }
    });
    if (wanted.isEmpty() || wanted.stream().anyMatch(key -> answer.path(key).isArray())) {
      return List.of();
    }
    return List.of("validation.response.body.resultKey: a 200 answer carries the list "
        + String.join(" or ", wanted) + (request == null ? "" : " (the request's action)") + "; it has "
        + (answer.size() == 0 ? "no key" : "only " + String.join(", ", fieldNames(answer))));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode readObject(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(text);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  /** Throws with every problem listed unless the response is valid against the spec. */
  public static void assertValidResponse(
      String method, String path, int status, String contentType, String body) {
    List<String> problems = responseProblems(method, path, status, contentType, body);
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "response " + status + " to " + method + " " + path + " violates openapi.yaml: "
              + problems + "\nbody: " + body);
    }
  }

  /** Problems of a body against {@code components.schemas.ErrorResponse}. */
  public static List<String> errorBodyProblems(String body) {
    if (body == null || body.isEmpty()) {
      return List.of("error answer has an empty body");
    }
    SchemaValidator schemaValidator = new SchemaValidator(MODEL, new MessageResolver(LevelResolver.create()
        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE).build()));
    return messages(
        schemaValidator.validate(body, MODEL.getComponents().getSchemas().get("ErrorResponse"), "error"));
  }

  static boolean isOperation(String method, String path) {
    return "POST".equals(method.toUpperCase(Locale.ROOT))
        && OPERATION_PATH.matcher(stripQuery(path)).matches();
  }

  static SimpleRequest request(String method, String path, Map<String, String> headers, String body) {
    SimpleRequest.Builder builder =
        new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), stripQuery(path));
    headers.forEach(builder::withHeader);
    if (body != null) {
      builder.withBody(body);
    }
    return builder.build();
  }

  static List<String> messages(ValidationReport report) {
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(SpecContract::describe)
        .toList();
  }

  /** The message with its nested ones: an {@code allOf} failure says why only in those. */
  private static String describe(ValidationReport.Message message) {
    StringBuilder text = new StringBuilder(message.getKey()).append(": ").append(message.getMessage());
    for (ValidationReport.Message nested : message.getNestedMessages()) {
      text.append(" [").append(describe(nested)).append(']');
    }
    return text.toString();
  }

  private static String stripQuery(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  private static String readSpec() {
    try (InputStream in = SpecContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
