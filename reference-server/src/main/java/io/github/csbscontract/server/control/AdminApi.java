package io.github.csbscontract.server.control;

import io.github.csbscontract.service.ServiceMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.csbscontract.catalog.CatalogException;
import io.github.csbscontract.catalog.CatalogLoader;
import io.github.csbscontract.service.GatewayChecks;
import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.server.wire.Answers;
import io.github.csbscontract.server.wire.ApiError;
import io.github.csbscontract.server.wire.Body;
import io.github.csbscontract.server.wire.BodyReader;
import io.github.csbscontract.server.wire.Exchange;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The admin API under {@value #PREFIX}, for tests written in other languages: faults to apply,
 * the requests received, and the catalog to answer from ({@code admin-openapi.yaml} describes
 * it). On only with {@code --admin true}; even then it answers loopback clients only, and to
 * anyone else it does not exist (404, like any unknown path). A loopback client is not enough:
 * a web page whose name resolves to 127.0.0.1 (DNS rebinding) makes the browser a loopback
 * client, so a request must also name a loopback host ({@code localhost}, {@code 127.x.x.x},
 * {@code [::1]}) and come from no other site's page ({@code Origin}); else it is refused 403.
 */
// Long because it is three resources (faults, requests, catalog), each with its methods and
// their refusals in the service's format; every handler is a few lines.
final class AdminApi {

  static final String PREFIX = "/_csbs/";
  private static final java.util.Set<String> FAULT_FIELDS =
      java.util.Set.of("kind", "times", "project_id", "action", "body_naming", "delay_ms", "max_delay_ms", "status",
          "error_code", "error_msg", "retry_after_s", "retry_after_ms", "retry_after", "headers");
  private static final String KINDS = "latency, service_unavailable, throttled, error, connection_reset, empty_body, "
      + "truncated_body, slow_body";

  private final BodyReader bodies;
  private final Faults faults;
  private final RequestLog log;
  private final LiveCatalog catalog;
  private final AtomicBoolean listing = new AtomicBoolean();

  AdminApi(BodyReader bodies, Faults faults, RequestLog log, LiveCatalog catalog) {
    this.bodies = bodies;
    this.faults = faults;
    this.log = log;
    this.catalog = catalog;
  }

  /** Answers the request if it is the admin API's and from loopback; false leaves it to others. */
  boolean serves(Exchange request) {
    if (!request.path().startsWith(PREFIX) || !fromLoopback(request.remoteAddress())) {
      return false;
    }
    String foreign = foreignSite(request);
    if (foreign != null) {
      throw ApiError.service(403, ErrorCode.PARAMETER_INVALID, foreign);
    }
    String resource = request.path().substring(PREFIX.length());
    HttpMethod method = request.method();
    switch (resource) {
      case "faults" -> {
        if (HttpMethod.GET.equals(method)) {
          json(request, 200, faultsJson());
        } else if (HttpMethod.POST.equals(method)) {
          withBody(request, body -> {
            Fault fault = fault(body);
            try {
              faults.add(fault);
            } catch (IllegalStateException full) {
              throw ApiError.service(409, ErrorCode.PARAMETER_INVALID, full.getMessage() + " (DELETE " + PREFIX + "faults)");
            }
            json(request, 201, faultJson(fault));
          });
        } else if (HttpMethod.DELETE.equals(method)) {
          faults.clear();
          request.status(204).end();
        } else {
          throw ApiError.gateway(405, ErrorCode.METHOD_NOT_FOUND);
        }
      }
      case "requests" -> {
        if (HttpMethod.GET.equals(method)) {
          listRequests(request);
        } else if (HttpMethod.DELETE.equals(method)) {
          log.clear();
          request.status(204).end();
        } else {
          throw ApiError.gateway(405, ErrorCode.METHOD_NOT_FOUND);
        }
      }
      case "catalog" -> {
        if (HttpMethod.PUT.equals(method)) {
          withBody(request, body -> {
            try {
              catalog.use(CatalogLoader.parse(body, "sent to " + PREFIX + "catalog"));
            } catch (CatalogException broken) {
              throw ApiError.badRequest(broken.getMessage());
            }
            request.status(204).end();
          });
        } else if (HttpMethod.DELETE.equals(method)) {
          catalog.reset();
          request.status(204).end();
        } else {
          throw ApiError.gateway(405, ErrorCode.METHOD_NOT_FOUND);
        }
      }
      default -> throw ApiError.gateway(404, ErrorCode.API_NOT_FOUND);
    }
    return true;
  }

  private interface BodyHandler {
    void handle(byte[] body);
  }

  private void withBody(Exchange request, BodyHandler then) {
    String contentType = request.header(HttpHeaderNames.CONTENT_TYPE);
    if (!GatewayChecks.isMediaType(contentType, "application/json")) {
      throw ApiError.unsupportedMediaType();
    }
    bodies.read(request, request.declaredLength(), (body, refused) -> {
      if (refused != null) {
        Answers.failure(request, refused);
        return;
      }
      try {
        then.handle(java.util.Arrays.copyOf(body.bytes(), body.length()));
      } catch (RuntimeException failure) {
        Answers.failure(request, failure);
      }
    });
  }

  private static Fault fault(byte[] body) {
    JsonNode json;
    try {
      json = ServiceMapper.mapper().readTree(body);
    } catch (IOException e) {
      throw ApiError.badRequest("body: malformed JSON");
    }
    if (json == null || !json.isObject()) {
      throw ApiError.badRequest("body: must be an object");
    }
    json.fieldNames().forEachRemaining(name -> {
      if (!FAULT_FIELDS.contains(name)) {
        throw ApiError.badRequest(name.length() > 64 ? name.substring(0, 64) + "...: unknown field" : name + ": unknown field");
      }
    });
    if (!json.path("kind").isTextual()) {
      throw ApiError.badRequest("kind: must be one of " + KINDS);
    }
    String kind = json.get("kind").asText();
    Fault fault;
    try {
      fault = switch (kind) {
        case "latency" -> latency(json);
        case "service_unavailable" -> Fault.serviceUnavailable();
        case "throttled" -> Fault.throttled();
        case "error" -> {
          if (!json.has("status")) {
            throw ApiError.badRequest("status: missing; an error needs one from 400 to 599");
          }
          yield Fault.error((int) Math.min(integer(json, "status"), 1000));
        }
        case "connection_reset" -> Fault.connectionReset();
        case "empty_body" -> Fault.emptyBody();
        case "truncated_body" -> Fault.truncatedBody();
        case "slow_body" -> Fault.slowBody(millis(json, "delay_ms", 100));
        default -> throw ApiError.badRequest("kind: must be one of " + KINDS);
      };
      if (json.has("status") && !kind.equals("error")) {
        throw ApiError.badRequest("status: belongs to kind error");
      }
      if (json.has("error_code") || json.has("error_msg")) {
        if (!json.has("error_code") || !json.has("error_msg")) {
          throw ApiError.badRequest(json.has("error_code") ? "error_msg: missing" : "error_code: missing");
        }
        fault = fault.withErrorBody(text(json, "error_code"), text(json, "error_msg"));
      }
      if (json.has("retry_after_s")) {
        fault = fault.withRetryAfter(Duration.ofSeconds(integer(json, "retry_after_s")));
      }
      if (json.has("retry_after_ms")) {
        fault = fault.withRetryAfter(Duration.ofMillis(integer(json, "retry_after_ms")));
      }
      if (json.has("retry_after")) {
        fault = fault.withRetryAfter(httpDate(text(json, "retry_after")));
      }
      if (json.has("headers")) {
        fault = withHeaders(fault, json.get("headers"));
      }
      if (json.has("body_naming")) {
        fault = fault.forBodyNaming(text(json, "body_naming"));
      }
      if (json.has("times")) {
        fault = fault.times((int) integer(json, "times"));
      }
      if (json.has("project_id")) {
        fault = fault.forProject(text(json, "project_id"));
      }
      if (json.has("action")) {
        fault = fault.forAction(text(json, "action"));
      }
    } catch (IllegalArgumentException | IllegalStateException wrong) {
      throw ApiError.badRequest(wrong.getMessage());
    }
    return fault;
  }

  private static java.time.Instant httpDate(String value) {
    try {
      return java.time.ZonedDateTime.parse(value, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (java.time.format.DateTimeParseException notADate) {
      throw ApiError.badRequest("retry_after: must be an HTTP date (Wed, 21 Oct 2026 07:28:00 GMT)");
    }
  }

  private static Fault withHeaders(Fault fault, JsonNode headers) {
    if (!headers.isObject()) {
      throw ApiError.badRequest("headers: must be an object of names and string values");
    }
    if (headers.size() > Fault.MAX_HEADERS) {
      throw ApiError.badRequest("headers: at most " + Fault.MAX_HEADERS);
    }
    Fault with = fault;
    for (var header : (Iterable<java.util.Map.Entry<String, JsonNode>>) headers::fields) {
      if (!header.getValue().isTextual()) {
        throw ApiError.badRequest("headers: each value must be a string");
      }
      with = with.withHeader(header.getKey(), header.getValue().textValue());
    }
    return with;
  }

  private static Fault latency(JsonNode json) {
    Duration delay = millis(json, "delay_ms", 0);
    Duration maxDelay = millis(json, "max_delay_ms", delay.toMillis());
    if (maxDelay.compareTo(delay) < 0) {
      throw ApiError.badRequest("max_delay_ms: must not be less than delay_ms");
    }
    return Fault.latency(delay, maxDelay);
  }

  private static String text(JsonNode json, String field) {
    if (!json.get(field).isTextual()) {
      throw ApiError.badRequest(field + ": must be a string");
    }
    return json.get(field).asText();
  }

  private static Duration millis(JsonNode json, String field, long otherwise) {
    return Duration.ofMillis(json.has(field) ? integer(json, field) : otherwise);
  }

  private static long integer(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0 || value.asLong() > Integer.MAX_VALUE) {
      throw ApiError.badRequest(field + ": must be a whole number from 0 to " + Integer.MAX_VALUE);
    }
    return value.asLong();
  }

  private static boolean defaultBody(Fault fault) {
    Fault plain = Fault.error(fault.status());
    return plain.errorCode().equals(fault.errorCode()) && plain.errorMsg().equals(fault.errorMsg());
  }

  private ObjectNode faultsJson() {
    ObjectNode json = ServiceMapper.mapper().createObjectNode();
    ArrayNode list = json.putArray("faults");
    faults.list().forEach(fault -> list.add(faultJson(fault)));
    return json;
  }

  private static ObjectNode faultJson(Fault fault) {
    ObjectNode json = ServiceMapper.mapper().createObjectNode().put("kind", fault.kind().name().toLowerCase(Locale.ROOT));
    if (fault.times() != Fault.ALWAYS) {
      json.put("times", fault.times());
    }
    if (fault.projectId() != null) {
      json.put("project_id", fault.projectId());
    }
    if (fault.action() != null) {
      json.put("action", fault.action());
    }
    if (fault.delay() != null) {
      json.put("delay_ms", fault.delay().toMillis());
    }
    if (fault.maxDelay() != null && fault.kind() == Fault.Kind.LATENCY) {
      json.put("max_delay_ms", fault.maxDelay().toMillis());
    }
    if (fault.kind() == Fault.Kind.ERROR) {
      json.put("status", fault.status());
    }
    if (fault.kind() == Fault.Kind.ERROR && !defaultBody(fault)) {
      json.put("error_code", fault.errorCode()).put("error_msg", fault.errorMsg());
    }
    if (fault.bodyNaming() != null) {
      json.put("body_naming", fault.bodyNaming());
    }
    if (fault.retryAfter() != null) {
      if (fault.retryAfter().chars().allMatch(Character::isDigit)) {
        json.put("retry_after_s", Long.parseLong(fault.retryAfter()));
      } else if (fault.retryAfter().matches("[0-9.]+")) {
        json.put("retry_after_ms", new java.math.BigDecimal(fault.retryAfter()).movePointRight(3).longValue());
      } else {
        json.put("retry_after", fault.retryAfter());
      }
    }
    if (!fault.headers().isEmpty()) {
      ObjectNode headers = json.putObject("headers");
      fault.headers().forEach(header -> headers.put(header.getKey(), header.getValue()));
    }
    return json;
  }

  /**
   * The log as JSON, to one client at a time: the answer can be megabytes, and it stays in memory
   * until the client has read it, so that clients that ask and never read could otherwise fill
   * the heap. The others are told to come back.
   */
  private void listRequests(Exchange request) {
    if (!listing.compareAndSet(false, true)) {
      throw ApiError.service(503, ErrorCode.SERVICE_UNAVAILABLE).retryAfter(Duration.ofSeconds(1));
    }
    try {
      json(request, 200, requestsJson()).addListener(sent -> listing.set(false));
    } catch (RuntimeException | Error failed) {
      listing.set(false);
      throw failed;
    }
  }

  private ObjectNode requestsJson() {
    ObjectNode json = ServiceMapper.mapper().createObjectNode();
    ArrayNode list = json.putArray("requests");
    for (RecordedRequest recorded : log.all()) {
      ObjectNode entry = list.addObject().put("method", recorded.method()).put("path", recorded.path())
          .put("status", recorded.status());
      ObjectNode headers = entry.putObject("headers");
      recorded.headers().forEach((name, values) -> {
        ArrayNode array = headers.putArray(name);
        values.forEach(array::add);
      });
      if (recorded.body() != null) {
        entry.set("body", recorded.body());
      } else if (recorded.rawBody() != null) {
        entry.put("raw_body", recorded.rawBody());
      }
    }
    return json;
  }

  /** Completes when the answer is written out, or fails when its connection closes first. */
  private static ChannelFuture json(Exchange request, int status, JsonNode body) {
    try {
      return Answers.json(request, status, Unpooled.wrappedBuffer(ServiceMapper.mapper().writeValueAsBytes(body)));
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /**
   * Why a loopback client's request still comes from elsewhere, or null: its {@code Host} is not
   * a loopback name or address (what a rebound DNS name sends), or a page of another site sent it.
   */
  static String foreignSite(Exchange request) {
    String host = request.header(HttpHeaderNames.HOST);
    if (host == null || !isLoopbackHost(withoutPort(host))) {
      return "Host: the admin API answers requests to localhost, 127.0.0.1 or [::1] only";
    }
    String origin = request.header(HttpHeaderNames.ORIGIN);
    if (origin != null && !isLoopbackOrigin(origin)) {
      return "Origin: the admin API answers no other site's pages";
    }
    return null;
  }

  private static boolean isLoopbackOrigin(String origin) {
    int scheme = origin.indexOf("://");
    if (scheme < 0 || !(origin.startsWith("http://") || origin.startsWith("https://"))) {
      return false; // "null" (a sandboxed or file page) included
    }
    String authority = origin.substring(scheme + 3);
    return authority.indexOf('/') < 0 && authority.indexOf('@') < 0 && isLoopbackHost(withoutPort(authority));
  }

  private static String withoutPort(String authority) {
    if (authority.startsWith("[")) {
      int end = authority.indexOf(']');
      return end < 0 ? authority : authority.substring(0, end + 1);
    }
    int colon = authority.indexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }

  /** A name or literal that is loopback whatever DNS says: no lookup is made. */
  static boolean isLoopbackHost(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.equals("localhost") || name.equals("localhost.")) {
      return true;
    }
    if (name.startsWith("[") && name.endsWith("]")) {
      String literal = name.substring(1, name.length() - 1);
      // Only hex digits and colons: an IPv6 literal, which InetAddress parses without DNS.
      return !literal.isEmpty() && literal.chars().allMatch(c -> c == ':' || Character.digit(c, 16) >= 0)
          && isLoopbackLiteral(literal);
    }
    String[] octets = name.split("\\.", -1);
    if (octets.length != 4 || !octets[0].equals("127")) {
      return false;
    }
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit) || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean fromLoopback(SocketAddress remote) {
    return remote instanceof InetSocketAddress address && address.getAddress() != null
        && address.getAddress().isLoopbackAddress();
  }

  /** An IPv6 literal of hex digits and colons, which InetAddress parses without DNS. */
  private static boolean isLoopbackLiteral(String literal) {
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (java.net.UnknownHostException notAnAddress) {
      return false;
    }
  }
}
