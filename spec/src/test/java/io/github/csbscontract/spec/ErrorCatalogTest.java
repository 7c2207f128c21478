package io.github.csbscontract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.csbscontract.spec.ErrorCatalog.Entry;
import io.github.csbscontract.spec.ErrorCatalog.Where;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The error catalog is whole and agrees with the spec: its statuses, its examples and its sources. */
class ErrorCatalogTest {

  private static final Operation OPERATION = SpecContract.model().getPaths()
      .get("/v1/{project_id}/providers/{provider_id}/resources/action").getPost();

  @Test
  void everyEntryIsDocumentedOrAReasonedChoice() {
    assertThat(ErrorCatalog.entries()).isNotEmpty().allSatisfy(e -> {
      assertThat(e.documented() != null || e.contractChoice() != null).as("%s has a source", e).isTrue();
      assertThat(e.meaning()).as("%s has a meaning", e).isNotBlank();
      assertThat(e.message()).as("%s has a message", e).isNotBlank();
    });
  }

  @Test
  void entriesAreDistinctAnswers() {
    Set<String> seen = new HashSet<>();
    assertThat(ErrorCatalog.entries()).allSatisfy(e ->
        assertThat(seen.add(e.code() + " " + e.status() + " " + e.message())).as("%s is listed once", e).isTrue());
  }

  @Test
  void whereFitsCodeAndStatus() {
    assertThat(ErrorCatalog.entries()).allSatisfy(e -> {
      switch (e.where()) {
        case GATEWAY -> assertThat(e.code()).as("%s", e).startsWith("APIG.");
        case REQUEST -> assertThat(e.code()).as("%s", e).startsWith("CSBS.");
        case ITEM -> {
          assertThat(e.status()).as("%s", e).isEqualTo(200);
          assertThat(e.actions()).as("%s", e).isNotEmpty()
              .allSatisfy(a -> assertThat(a).isIn("check_restorable", "check_protectable"));
          assertThat(e.documentedStatus()).as("%s has the documented status", e).isNotNull();
        }
        default -> throw new AssertionError(e.where());
      }
      if (e.where() != Where.ITEM) {
        assertThat(e.status()).as("%s", e).isBetween(400, 599);
        assertThat(e.actions()).as("%s", e).isEmpty();
      }
    });
  }

  @Test
  void theCatalogAndTheSpecAnswerTheSameStatuses() {
    Set<Integer> specErrors = new TreeSet<>();
    OPERATION.getResponses().keySet().forEach(status -> specErrors.add(Integer.parseInt(status)));
    Set<Integer> onOperation = new TreeSet<>();
    Set<Integer> catalogOnly = new TreeSet<>();
    ErrorCatalog.entries().forEach(e -> (e.onOperation() ? onOperation : catalogOnly).add(e.status()));
    catalogOnly.removeAll(onOperation);

    assertThat(onOperation).isEqualTo(specErrors);
    assertThat(catalogOnly).as("answers to what no HTTP client sends stay off the operation")
        .containsExactly(408, 501, 505).doesNotContainAnyElementsOf(specErrors);
  }

  @Test
  void answersKeptOffTheOperationAreTransportRefusalsWithTheirTest() {
    assertThat(ErrorCatalog.entries()).filteredOn(e -> !e.onOperation()).isNotEmpty().allSatisfy(e -> {
      assertThat(e.where()).as("%s", e).isEqualTo(Where.GATEWAY);
      assertThat(e.testedBy()).as("%s is provoked by a raw-socket test", e).isNotBlank();
    });
  }

  @Test
  void everyErrorInTheSpecsExamplesIsInTheCatalog() {
    List<String> unknown = new ArrayList<>();
    OPERATION.getResponses().forEach((status, response) -> {
      MediaType media = response.getContent().get("application/json");
      for (Object value : examples(media)) {
        JsonNode body = Json.mapper().valueToTree(value);
        if (body.has("error_code")) {
          check(unknown, body.get("error_code").asText(), Integer.parseInt(status), body.path("error_msg").asText());
        }
        for (String key : List.of("restorable", "protectable")) {
          for (JsonNode item : body.path(key)) {
            if (!item.path("result").asBoolean(true)) {
              check(unknown, item.path("error_code").asText(), 200, item.path("error_msg").asText());
            }
          }
        }
      }
    });
    assertThat(unknown).isEmpty();
  }

  @Test
  void templatesMatchTheirFilledInMessagesOnly() {
    Entry notFound = ErrorCatalog.find("CSBS.3001", 200, "Checkpoint_item (c0ffee00) is not found.").orElseThrow();

    assertThat(notFound.matches("CSBS.3001", 200, "Checkpoint_item () is not found.")).isTrue();
    assertThat(notFound.matches("CSBS.3001", 200, "Checkpoint_item c0ffee00 is not found.")).isFalse();
    assertThat(notFound.matches("CSBS.3001", 404, "Checkpoint_item (c0ffee00) is not found.")).isFalse();
    assertThat(ErrorCatalog.find("CSBS.9001", 400, "provider invalid")).map(Entry::message).contains("provider invalid");
    assertThat(ErrorCatalog.find("CSBS.9001", 400, "check_restorable: size must be between 1 and 100"))
        .map(Entry::message).contains("%s");
    assertThat(ErrorCatalog.find("CSBS.9999", 503, "query backup service failed")).isEmpty();
  }

  @Test
  void noDocumentedCodeIsGivenANewStatusOutsideItsMeaning() {
    // CSBS.9999 is documented for 500 only; the 503 answer has a code of its own.
    assertThat(ErrorCatalog.entries()).filteredOn(e -> e.code().equals("CSBS.9999")).extracting(Entry::status)
        .containsExactly(500);
    assertThat(ErrorCatalog.entries()).filteredOn(e -> e.code().equals("CSBS.9009")).extracting(Entry::message)
        .containsExactly("User is unverified.");
  }

  private static void check(List<String> unknown, String code, int status, String message) {
    if (ErrorCatalog.find(code, status, message).isEmpty()) {
      unknown.add(status + " " + code + " \"" + message + "\"");
    }
  }

  private static List<Object> examples(MediaType media) {
    List<Object> values = new ArrayList<>();
    if (media.getExample() != null) {
      values.add(media.getExample());
    }
    if (media.getExamples() != null) {
      for (Example example : media.getExamples().values()) {
        values.add(example.getValue());
      }
    }
    return values;
  }
}
