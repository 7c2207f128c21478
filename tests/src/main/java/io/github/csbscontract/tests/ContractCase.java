package io.github.csbscontract.tests;

import io.github.csbscontract.core.Contract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One contract case as kept in {@code cases/<group>/<should_x_when_y>.json}: given/when/then, the
 * catalog it needs, the request, whether the spec accepts that request, and the exact answer.
 *
 * <p>Placeholders in path and headers: {@code ${project_id}}, {@code ${provider_id}},
 * {@code ${token}}, {@code ${other_token}}. In bodies, {@code {"$repeat": N, "item": X}} stands
 * for an array of N copies of X, and as a header value for the string X repeated N times;
 * {@code pad_to_bytes} pads the body with trailing whitespace; {@code offer_h2c} sends the request
 * with an offer to upgrade to HTTP/2 ({@code Connection: Upgrade, HTTP2-Settings},
 * {@code Upgrade: h2c}), which a server may decline; in expected bodies the string
 * {@code ${any}} matches any string.
 *
 * <p>A {@code replay_only} case is an answer no request can make a server give (throttling, an
 * internal failure, unavailability): the spec and the client (against a server that replays the
 * answer) check it; real servers are not asked.
 */
public record ContractCase(String id, JsonNode json) {

  public static final String ANY = "${any}";

  /** {@code demo}: needs the reference server's demo catalog; {@code any}: any project will do. */
  public String catalog() {
    return json.path("catalog").asText();
  }

  public boolean needsDemoCatalog() {
    return "demo".equals(catalog());
  }

  /** Whether only a replaying server can give this answer (see the class comment). */
  /**
   * Whether the case tests a limit of the API gateway's deployment (the header size) rather than
   * the operation: a JAX-RS runtime's own server enforces such limits before any application
   * code, in its own words.
   */
  public boolean gatewayLimit() {
    return json.path("gateway_limit").asBoolean(false);
  }

  public boolean replayOnly() {
    return json.path("replay_only").asBoolean(false);
  }

  public String description() {
    return "given " + json.path("given").asText() + ", when " + json.path("when").asText()
        + ", then " + json.path("then").asText();
  }

  public String method() {
    return json.path("request").path("method").asText("POST");
  }

  public String path(Target target) {
    return target.substitute(json.path("request").path("path").asText());
  }

  public Map<String, String> headers(Target target) {
    Map<String, String> headers = new LinkedHashMap<>();
    json.path("request").path("headers").fields().forEachRemaining(e -> {
      JsonNode value = e.getValue();
      headers.put(e.getKey(), value.has("$repeat")
          ? value.path("item").asText().repeat(value.get("$repeat").asInt())
          : target.substitute(value.asText()));
    });
    return headers;
  }

  public boolean usesOtherToken() {
    return json.path("request").path("headers").toString().contains("${other_token}");
  }

  /**
   * Whether the request offers an upgrade to HTTP/2 in clear text ({@code Upgrade: h2c}), as
   * Java's {@code HttpClient} does unless told to speak HTTP/1.1.
   */
  public boolean offersH2c() {
    return json.path("request").path("offer_h2c").asBoolean(false);
  }

  public boolean chunked() {
    return json.path("request").path("chunked").asBoolean(false);
  }

  /** The request body as sent: expanded, written and padded. Null when the case sends none. */
  public String bodyText(ObjectMapper mapper) {
    JsonNode request = json.path("request");
    String text;
    if (request.has("raw_body")) {
      text = request.get("raw_body").asText();
    } else if (request.has("body")) {
      try {
        text = mapper.writeValueAsString(expand(request.get("body"), mapper));
      } catch (Exception e) {
        throw new IllegalStateException(id + ": body cannot be written", e);
      }
    } else {
      return null;
    }
    int padTo = request.path("pad_to_bytes").asInt(0);
    return text.length() >= padTo ? text : text + " ".repeat(padTo - text.length());
  }

  /** The body as JSON, when the case sends a JSON body; null otherwise. */
  public JsonNode body(ObjectMapper mapper) {
    JsonNode body = json.path("request").get("body");
    return body == null ? null : expand(body, mapper);
  }

  public boolean validRequest() {
    return json.path("valid_request").asBoolean();
  }

  public int status() {
    return json.path("response").path("status").asInt();
  }

  public JsonNode responseBody() {
    return json.path("response").path("body");
  }

  @Override
  public String toString() {
    return id;
  }

  private static JsonNode expand(JsonNode node, ObjectMapper mapper) {
    if (node.isObject() && node.has("$repeat")) {
      ArrayNode array = mapper.createArrayNode();
      JsonNode item = expand(node.get("item"), mapper);
      for (int i = 0; i < node.get("$repeat").asInt(); i++) {
        array.add(item.deepCopy());
      }
      return array;
    }
    if (node.isObject()) {
      ObjectNode copy = mapper.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        copy.set(field.getKey(), expand(field.getValue(), mapper));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = mapper.createArrayNode();
      node.forEach(element -> copy.add(expand(element, mapper)));
      return copy;
    }
    return node;
  }

  /**
   * Where a case is sent and with which credentials.
   *
   * @param otherToken a valid token of another project, or null when the target has none
   */
  public record Target(String baseUrl, String projectId, String token, String otherToken) {

    /** The reference server's demo project A, with project B's token as the other one. */
    public static Target demo(String baseUrl) {
      return new Target(baseUrl, "0605767ab000d4c12f3bc0033d9d5d06", "demo-token-project-a", "demo-token-project-b");
    }

    String substitute(String text) {
      return text.replace("${project_id}", projectId)
          .replace("${provider_id}", Contract.CSBS_PROVIDER_ID)
          .replace("${token}", token)
          .replace("${other_token}", otherToken == null ? "" : otherToken);
    }
  }
}
