package io.github.csbscontract.server.wire;

import io.github.csbscontract.core.testing.Requests;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import io.github.csbscontract.spec.SpecContract;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Structure-aware fuzzing: the fuzzer's bytes choose a JSON body by walking the request schema
 * of {@code openapi.yaml} (which properties, how many items, which IDs of the demo catalog, and
 * where to put a wrong type, a broken bound or a stray field), so that most inputs get past the
 * JSON parser and Bean Validation into the rules. Whatever comes in, the answer must be a
 * documented status with a body the spec allows, and exactly 400 when the spec refuses the body.
 *
 * <p>Without {@code JAZZER_FUZZ} the test replays the committed inputs in
 * {@code StructuredRequestFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes (RELIABILITY.md).
 */
class StructuredRequestFuzzTest {

  private static final Set<Integer> DOCUMENTED = Set.of(200, 400);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Map<String, String> HEADERS =
      Map.of("X-Auth-Token", "demo-token-project-a", "Content-Type", "application/json");
  private static final Schema<?> REQUEST = SpecContract.model().getPaths().values().iterator().next().getPost()
      .getRequestBody().getContent().get("application/json").getSchema();
  /** The demo catalog's IDs, so that the rules see backups and servers that exist. */
  private static final List<String> IDS = List.of(Requests.BACKUPS, Requests.SERVERS, Requests.DISK_IDS).stream()
      .flatMap(List::stream).toList();

  private static ReferenceServer server;

  @BeforeAll
  static void start() throws Exception {
    server = ReferenceServer.start(ServerOptions.forTests());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @FuzzTest(maxDuration = "5m")
  void schemaShapedBodies(FuzzedDataProvider data) throws Exception {
    int port = server.baseUri().getPort();
    BugDetectors.allowNetworkConnections((host, to) -> to == port
        && ("127.0.0.1".equals(host) || "localhost".equals(host)));
    String body = generate(REQUEST, data, 0).toString();

    RawHttp.Answer answer = RawHttp.exchange(port, RawHttp.request("POST", RawHttp.PATH,
        "X-Auth-Token: demo-token-project-a\r\nContent-Type: application/json\r\n", body));

    assertThat(DOCUMENTED).as("%s -> %s %s", body, answer.status(), answer.body()).contains(answer.status());
    assertThat(answer.problems("POST", RawHttp.PATH)).isEmpty();
    boolean specRefuses = !SpecContract.requestProblems("POST", RawHttp.PATH, HEADERS, body).isEmpty();
    assertThat(answer.status() == 400).as("the spec %s %s; the server answered %s %s",
        specRefuses ? "refuses" : "accepts", body, answer.status(), answer.body()).isEqualTo(specRefuses);
  }

  private static JsonNode generate(Schema<?> schema, FuzzedDataProvider data, int depth) {
    if (data.consumeInt(0, 15) == 0) {
      return wrongType(data);
    }
    if (schema instanceof ArraySchema array) {
      int max = array.getMaxItems() == null ? 3 : array.getMaxItems();
      int count = data.consumeBoolean() ? data.consumeInt(0, 3) : data.consumeInt(0, max + 1);
      ArrayNode items = NODES.arrayNode();
      for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
        items.add(generate(array.getItems(), data, depth + 1));
      }
      return items;
    }
    if (schema.getProperties() != null) {
      ObjectNode object = NODES.objectNode();
      List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
      for (var property : schema.getProperties().entrySet()) {
        boolean include = required.contains(property.getKey()) ? data.consumeInt(0, 15) != 0 : data.consumeBoolean();
        if (include && depth < 8) {
          object.set(property.getKey(), generate(property.getValue(), data, depth + 1));
        }
      }
      if (data.consumeInt(0, 15) == 0) {
        // A stray field; its name is echoed in the refusal, so it stays clear of the words the
        // answer check reads as leaked internals ("java.", "Exception").
        object.put("x_" + data.consumeInt(0, 99), 1);
      }
      return object;
    }
    if ("string".equals(schema.getType())) {
      return NODES.textNode(string(schema, data));
    }
    return wrongType(data);
  }

  private static String string(Schema<?> schema, FuzzedDataProvider data) {
    String pattern = schema.getPattern();
    boolean uuid = pattern != null && pattern.contains("[0-9a-f]{8}-");
    return switch (data.consumeInt(0, 5)) {
      case 0 -> data.consumeString(80);
      case 1 -> uuid ? data.pickValue(IDS).toUpperCase(java.util.Locale.ROOT) : "OS::" + data.consumeAsciiString(70);
      default -> uuid ? data.pickValue(IDS) : data.pickValue(Requests.TYPES);
    };
  }

  private static JsonNode wrongType(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 5)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(data.consumeBoolean());
      case 2 -> NODES.numberNode(data.consumeLong());
      case 3 -> NODES.textNode(data.consumeString(16));
      case 4 -> NODES.arrayNode();
      default -> NODES.objectNode();
    };
  }
}
