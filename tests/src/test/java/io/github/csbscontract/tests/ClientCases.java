package io.github.csbscontract.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.csbscontract.client.CheckResult;
import io.github.csbscontract.client.CsbsAuthenticationException;
import io.github.csbscontract.client.CsbsBadRequestException;
import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.client.CsbsHttpException;
import io.github.csbscontract.client.CsbsNotFoundException;
import io.github.csbscontract.client.CsbsPayloadTooLargeException;
import io.github.csbscontract.client.CsbsServerException;
import io.github.csbscontract.client.CsbsThrottledException;
import io.github.csbscontract.client.ProtectItem;
import io.github.csbscontract.client.RestoreItem;
import io.github.csbscontract.client.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the client makes of a case: which cases it can express (a JSON body of one action whose
 * items the facade's types represent exactly, with a token), how to send one, and what it must
 * return or throw.
 */
final class ClientCases {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern OPERATION = Pattern.compile("^/v1/([^/]+)/providers/([^/]+)/resources/action$");
  private static final Set<String> ACTIONS = Set.of("check_restorable", "check_protectable");

  private ClientCases() {}

  static List<ContractCase> expressible() {
    return Cases.all().stream().filter(ClientCases::isExpressible).toList();
  }

  static boolean isExpressible(ContractCase c) {
    ContractCase.Target target = ContractCase.Target.demo("http://127.0.0.1");
    JsonNode body = c.body(MAPPER);
    Map<String, String> headers = c.headers(target);
    if (!"POST".equals(c.method()) || body == null || !body.isObject() || body.size() != 1
        || !OPERATION.matcher(c.path(target)).matches() || c.chunked() || c.json().path("request").has("pad_to_bytes")
        || !headers.keySet().equals(Set.of("X-Auth-Token", "Content-Type"))
        || !"application/json".equals(headers.get("Content-Type"))) {
      return false;
    }
    String action = body.fieldNames().next();
    if (!ACTIONS.contains(action) || !body.get(action).isArray()) {
      return false;
    }
    // Only what the facade's items carry unchanged: unknown item fields would be dropped, and a
    // missing or non-text field, or a restore without a disk, has no RestoreItem or ProtectItem.
    return FacadeRequest.of(body).map(request -> request.wire().equals(body)).orElse(false);
  }

  /** A case's body as the facade's items: one list or the other. */
  record FacadeRequest(List<RestoreItem> restore, List<ProtectItem> protect) {

    static Optional<FacadeRequest> of(JsonNode body) {
      String action = body.fieldNames().next();
      List<RestoreItem> restore = new ArrayList<>();
      List<ProtectItem> protect = new ArrayList<>();
      for (JsonNode item : body.get(action)) {
        if ("check_restorable".equals(action)) {
          JsonNode target = item.path("target");
          String backup = text(item, "checkpoint_item_id");
          String server = text(target, "resource_id");
          String type = text(target, "resource_type");
          if (backup == null || server == null || type == null || !target.path("volumes").isArray()
              || target.path("volumes").isEmpty()) {
            return Optional.empty();
          }
          RestoreItem.Builder builder = RestoreItem.backup(backup).ontoServer(server, type);
          for (JsonNode volume : target.get("volumes")) {
            String backupId = text(volume, "backup_id");
            String volumeId = text(volume, "volume_id");
            if (backupId == null || volumeId == null) {
              return Optional.empty();
            }
            builder.mapDisk(backupId, volumeId);
          }
          restore.add(builder.build());
        } else {
          String server = text(item, "resource_id");
          String type = text(item, "resource_type");
          if (server == null || type == null) {
            return Optional.empty();
          }
          protect.add(new ProtectItem(server, type));
        }
      }
      return Optional.of("check_restorable".equals(action)
          ? new FacadeRequest(restore, null) : new FacadeRequest(null, protect));
    }

    /** The body the client sends for these items. */
    JsonNode wire() {
      ObjectNode body = MAPPER.createObjectNode();
      if (restore != null) {
        ArrayNode items = body.putArray("check_restorable");
        for (RestoreItem item : restore) {
          ObjectNode target = items.addObject().put("checkpoint_item_id", item.checkpointItemId()).putObject("target");
          target.put("resource_id", item.serverId()).put("resource_type", item.serverType());
          ArrayNode volumes = target.putArray("volumes");
          item.disks().forEach(disk -> volumes.addObject().put("backup_id", disk.backupId()).put("volume_id", disk.volumeId()));
        }
      } else {
        ArrayNode items = body.putArray("check_protectable");
        protect.forEach(item -> items.addObject().put("resource_id", item.resourceId()).put("resource_type", item.resourceType()));
      }
      return body;
    }

    List<CheckResult> send(CsbsClient client) {
      return restore != null ? client.checkRestorable(restore).execute() : client.checkProtectable(protect).execute();
    }

    private static String text(JsonNode node, String field) {
      JsonNode value = node.path(field);
      return value.isTextual() ? value.asText() : null;
    }
  }

  /** Sends the case's request through the client and checks what it returns or throws. */
  static void runAndCheck(ContractCase c, ContractCase.Target target) throws Exception {
    Matcher path = OPERATION.matcher(c.path(target));
    assertThat(path.matches()).isTrue();
    FacadeRequest request = FacadeRequest.of(c.body(MAPPER)).orElseThrow();
    try (CsbsClient client = CsbsClient.builder()
        .baseUrl(target.baseUrl())
        .projectId(path.group(1))
        .providerId(path.group(2))
        .token(c.headers(target).get("X-Auth-Token"))
        .validateRequests(false)
        .retryPolicy(RetryPolicy.none())
        .build()) {
      JsonNode expected = c.responseBody();
      if (c.status() == 200) {
        assertThat(request.send(client)).as(c.description()).containsExactlyElementsOf(results(expected));
      } else {
        assertThatThrownBy(() -> request.send(client)).as(c.description())
            .isExactlyInstanceOf(exceptionFor(c.status()))
            .isInstanceOfSatisfying(CsbsHttpException.class, e -> {
              assertThat(e.status()).isEqualTo(c.status());
              assertThat(e.errorCode()).isEqualTo(expected.path("error_code").asText());
              assertThat(e.errorMsg()).isEqualTo(expected.path("error_msg").asText());
              assertThat(e.requestId().isPresent()).isEqualTo(expected.has("request_id"));
            });
      }
    }
  }

  static List<CheckResult> results(JsonNode body) {
    JsonNode items = body.has("restorable") ? body.get("restorable") : body.get("protectable");
    List<CheckResult> results = new ArrayList<>();
    for (JsonNode item : items) {
      results.add(new CheckResult(item.path("result").asBoolean(), item.path("error_code").asText(""),
          item.path("error_msg").asText(""), item.path("resource_id").asText(""), item.path("resource_type").asText("")));
    }
    return results;
  }

  static Class<? extends CsbsHttpException> exceptionFor(int status) {
    return switch (status) {
      case 400 -> CsbsBadRequestException.class;
      case 401, 403 -> CsbsAuthenticationException.class;
      case 404 -> CsbsNotFoundException.class;
      case 413 -> CsbsPayloadTooLargeException.class;
      case 429 -> CsbsThrottledException.class;
      default -> status >= 500 ? CsbsServerException.class : CsbsHttpException.class;
    };
  }
}
