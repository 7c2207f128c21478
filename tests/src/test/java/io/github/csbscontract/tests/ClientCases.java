package io.github.csbscontract.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csbscontract.client.CheckResult;
import io.github.csbscontract.client.CsbsAuthenticationException;
import io.github.csbscontract.client.CsbsBadRequestException;
import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.client.CsbsHttpException;
import io.github.csbscontract.client.CsbsNotFoundException;
import io.github.csbscontract.client.CsbsPayloadTooLargeException;
import io.github.csbscontract.client.CsbsServerException;
import io.github.csbscontract.client.RetryPolicy;
import io.github.csbscontract.client.model.ResourceActionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the client makes of a case: which cases it can express (a JSON body of one action that
 * its models represent exactly, with a token), how to send one, and what it must return or throw.
 */
final class ClientCases {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper CLIENT_WIRE = new ObjectMapper()
      .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
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
    // Only what the client's models carry unchanged, serialised as the client does: unknown
    // item fields are dropped, and a missing required field goes out as null.
    try {
      return CLIENT_WIRE.valueToTree(MAPPER.treeToValue(body, ResourceActionRequest.class)).equals(body);
    } catch (Exception e) {
      return false;
    }
  }

  /** Sends the case's request through the client and checks what it returns or throws. */
  static void runAndCheck(ContractCase c, ContractCase.Target target) throws Exception {
    Matcher path = OPERATION.matcher(c.path(target));
    assertThat(path.matches()).isTrue();
    ResourceActionRequest request = MAPPER.treeToValue(c.body(MAPPER), ResourceActionRequest.class);
    try (CsbsClient client = CsbsClient.builder()
        .baseUrl(target.baseUrl())
        .projectId(path.group(1))
        .providerId(path.group(2))
        .token(c.headers(target).get("X-Auth-Token"))
        .validateRequests(false)
        .retryPolicy(RetryPolicy.none())
        .build()) {
      boolean restore = request.getCheckRestorable() != null;
      JsonNode expected = c.responseBody();
      if (c.status() == 200) {
        List<CheckResult> results = restore
            ? client.checkRestorable(request.getCheckRestorable())
            : client.checkProtectable(request.getCheckProtectable());
        assertThat(results).as(c.description()).containsExactlyElementsOf(results(expected));
      } else {
        assertThatThrownBy(() -> {
          if (restore) {
            client.checkRestorable(request.getCheckRestorable());
          } else {
            client.checkProtectable(request.getCheckProtectable());
          }
        }).as(c.description())
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
      default -> status >= 500 ? CsbsServerException.class : CsbsHttpException.class;
    };
  }
}
