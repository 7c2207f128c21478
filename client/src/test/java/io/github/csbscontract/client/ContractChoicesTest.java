package io.github.csbscontract.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.client.model.ProtectableParam;
import io.github.csbscontract.client.model.ResourceActionRequest;
import io.github.csbscontract.client.model.RestorableParam;
import io.github.csbscontract.client.model.RestorableTarget;
import io.github.csbscontract.client.model.RestoreVolumeMapping;
import io.github.csbscontract.spec.SpecContract;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every contract choice on a request (x-contract-choice in openapi.yaml) and what the client's
 * default validation does with a request that breaks only that choice: it sends it, since the
 * real service may accept it (the stand-in refuses it). What the documents forbid, it still
 * refuses. The table below is the list; the first test holds it to the spec's marks.
 */
class ContractChoicesTest {

  private static final String UUID = "8986ce68-3da7-4d29-9cc2-1921e9504975";
  private static final String UPPER_UUID = "8986CE68-3DA7-4D29-9CC2-1921E9504975";

  /** How the client meets one choice: a request that breaks only it, or why none can be built. */
  private record Row(String choice, Consumer<ResourceActionRequest> breakIt, String clientDoes) {}

  private static final String SENT = "not refused: sent to the service";

  private static final List<Row> ROWS = List.of(
      new Row("ResourceActionRequest minProperties", null,
          "not a model constraint; the facade's calls send exactly one action, so it never builds such a body"),
      new Row("ResourceActionRequest maxProperties", null,
          "not a model constraint; the facade's calls send exactly one action, so it never builds such a body"),
      new Row("ResourceActionRequest additionalProperties", null,
          "not a model constraint; the facade sends no other top-level key"),
      new Row("ResourceActionRequest.check_restorable minItems", r -> r.setCheckRestorable(new ArrayList<>()), SENT),
      new Row("ResourceActionRequest.check_restorable maxItems", r -> r.setCheckRestorable(
          new ArrayList<>(Collections.nCopies(101, r.getCheckRestorable().get(0)))), SENT),
      new Row("ResourceActionRequest.check_protectable minItems", r -> protect(r).setCheckProtectable(new ArrayList<>()),
          SENT),
      new Row("ResourceActionRequest.check_protectable maxItems", r -> protect(r).setCheckProtectable(
          new ArrayList<>(Collections.nCopies(101, new ProtectableParam().resourceId(UUID).resourceType("OS::Nova::Server")))),
          SENT),
      new Row("RestorableParam.checkpoint_item_id pattern", r -> item(r).setCheckpointItemId(UPPER_UUID), SENT),
      new Row("RestorableTarget.resource_id pattern", r -> item(r).getTarget().setResourceId(UPPER_UUID), SENT),
      new Row("RestorableTarget.resource_type minLength", r -> item(r).getTarget().setResourceType(""), SENT),
      new Row("RestorableTarget.resource_type maxLength", r -> item(r).getTarget().setResourceType("OS::" + "N".repeat(61)),
          SENT),
      new Row("RestorableTarget.resource_type pattern", r -> item(r).getTarget().setResourceType("Nova server"), SENT),
      new Row("RestorableTarget.volumes minItems", r -> item(r).getTarget().setVolumes(new ArrayList<>()), SENT),
      new Row("RestorableTarget.volumes maxItems", r -> item(r).getTarget().setVolumes(new ArrayList<>(
          Collections.nCopies(61, item(r).getTarget().getVolumes().get(0)))), SENT),
      new Row("RestorableTarget.volumes x-unique-item-properties", r -> item(r).getTarget().setVolumes(new ArrayList<>(
          Collections.nCopies(2, item(r).getTarget().getVolumes().get(0)))),
          SENT + " (no generator checks it, so the client never did)"),
      new Row("RestoreVolumeMapping.backup_id pattern", r -> mapping(r).setBackupId(UPPER_UUID), SENT),
      new Row("RestoreVolumeMapping.volume_id pattern", r -> mapping(r).setVolumeId(UPPER_UUID), SENT),
      new Row("ProtectableParam required", r -> protect(r).setCheckProtectable(new ArrayList<>(List.of(
          new ProtectableParam().resourceId(UUID)))), SENT + " (the facade always fills both fields)"),
      new Row("ProtectableParam.resource_id pattern", r -> protect(r).getCheckProtectable().get(0).setResourceId(UPPER_UUID),
          SENT),
      new Row("ProtectableParam.resource_type minLength", r -> protect(r).getCheckProtectable().get(0).setResourceType(""),
          SENT),
      new Row("ProtectableParam.resource_type maxLength",
          r -> protect(r).getCheckProtectable().get(0).setResourceType("OS::" + "N".repeat(61)), SENT),
      new Row("ProtectableParam.resource_type pattern",
          r -> protect(r).getCheckProtectable().get(0).setResourceType("Nova server"), SENT));

  private static final RequestValidator DEFAULT = new RequestValidator();
  private static final RequestValidator STRICT = new RequestValidator(true);

  @AfterAll
  static void close() {
    DEFAULT.close();
    STRICT.close();
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void theTableListsEveryChoiceTheSpecMakesOnARequest() {
    TreeSet<String> marked = new TreeSet<>();
    Map<String, Schema> schemas = SpecContract.model().getComponents().getSchemas();
    schemas.forEach((name, schema) -> {
      choices(schema, name, marked);
      if (schema.getProperties() != null) {
        ((Map<String, Schema>) schema.getProperties()).forEach((property, s) -> choices(s, name + "." + property, marked));
      }
    });
    marked.removeIf(c -> c.startsWith("CheckResp") || c.startsWith("ErrorResponse") || c.startsWith("ResourceActionResponse"));

    assertThat(new TreeSet<>(ROWS.stream().map(Row::choice).toList())).isEqualTo(marked);
  }

  @Test
  void byDefaultARequestThatBreaksOnlyAChoiceIsSent() {
    List<String> table = new ArrayList<>();
    for (Row row : ROWS) {
      table.add(row.choice() + ": " + row.clientDoes());
      if (row.breakIt() == null) {
        continue;
      }
      ResourceActionRequest request = restore();
      row.breakIt().accept(request);

      if (!row.choice().endsWith(SpecContract.UNIQUE_ITEM_PROPERTIES)) {
        // The same request with the choices on is refused: it does break the choice.
        assertThat(STRICT.violations(request)).as("%s: the request breaks the choice", row.choice()).isNotEmpty();
      }
      assertThat(DEFAULT.violations(request)).as("%s: %s", row.choice(), row.clientDoes()).isEmpty();
    }
    System.out.println("Contract choices and the client's default validation:\n- " + String.join("\n- ", table));
  }

  @Test
  void byDefaultWhatTheDocumentsForbidIsStillRefused() {
    ResourceActionRequest shortId = restore();
    item(shortId).setCheckpointItemId(UUID.substring(1));
    ResourceActionRequest noTarget = restore();
    item(noTarget).setTarget(null);
    ResourceActionRequest noVolumeId = restore();
    mapping(noVolumeId).setVolumeId(null);

    assertThat(DEFAULT.violations(shortId)).containsExactly("check_restorable[0].checkpoint_item_id: size must be between 36 and 36");
    assertThat(DEFAULT.violations(noTarget)).containsExactly("check_restorable[0].target: must not be null");
    assertThat(DEFAULT.violations(noVolumeId)).containsExactly("check_restorable[0].target.volumes[0].volume_id: must not be null");
  }

  private static void choices(Schema<?> schema, String where, TreeSet<String> marked) {
    Object choice = schema.getExtensions() == null ? null : schema.getExtensions().get("x-contract-choice");
    if (choice instanceof Map<?, ?> keywords) {
      keywords.keySet().forEach(keyword -> marked.add(where + " " + keyword));
    }
  }

  private static ResourceActionRequest restore() {
    RestoreVolumeMapping mapping = new RestoreVolumeMapping().backupId("7ea119a8-d25b-43a7-8d1b-88e12788513a")
        .volumeId("45baf976-c20a-4894-a7c3-c94b7376bf55");
    RestorableTarget target = new RestorableTarget().resourceId("5aa119a8-d25b-45a7-8d1b-88e127885635")
        .resourceType("OS::Nova::Server").volumes(new ArrayList<>(List.of(mapping)));
    return new ResourceActionRequest().checkRestorable(new ArrayList<>(List.of(
        new RestorableParam().checkpointItemId(UUID).target(target))));
  }

  private static ResourceActionRequest protect(ResourceActionRequest request) {
    request.setCheckRestorable(null);
    if (request.getCheckProtectable() == null) {
      request.setCheckProtectable(new ArrayList<>(List.of(
          new ProtectableParam().resourceId(UUID).resourceType("OS::Nova::Server"))));
    }
    return request;
  }

  private static RestorableParam item(ResourceActionRequest request) {
    return request.getCheckRestorable().get(0);
  }

  private static RestoreVolumeMapping mapping(ResourceActionRequest request) {
    return item(request).getTarget().getVolumes().get(0);
  }
}
