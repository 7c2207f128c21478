package io.github.csbscontract.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.csbscontract.server.api.ResourcesApi;
import io.github.csbscontract.server.model.ResourceActionRequest;
import io.github.csbscontract.core.Contract;
import io.github.csbscontract.core.testing.Requests;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The precheck must agree with Hibernate Validator: "passes" exactly when the validator finds
 * nothing. If it said "passes" where the validator objects, the server would let an invalid
 * request through; if it said "ask" for a valid one, the server would silently lose its speed.
 */
class ConstraintPrecheckTest {

  private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
  private static final Method OPERATION = ResourcesApi.class.getMethods()[0];
  private static final ConstraintPrecheck PRECHECK = ConstraintPrecheck.forParameters(VALIDATOR, OPERATION);
  /** Only its parameters' constraints matter here. */
  private static final ResourcesApi RESOURCE = (projectId, providerId, request) -> null;
  /** Binds what the server's mapper binds; the precheck is judged on the models, not on reading JSON. */
  private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final String PROJECT = "0605767ab000d4c12f3bc0033d9d5d06";
  private static final List<String> PROJECTS = List.of(PROJECT, PROJECT.toUpperCase(), PROJECT.substring(1),
      PROJECT + "0", "0605767ab000d4c12f3bc0033d9d5d0g", "");
  /** Values that sit just inside or just outside the spec's string constraints. */
  private static final List<String> NEAR_MISSES = List.of("8986ce68-3da7-4d29-9cc2-1921e9504975",
      "8986CE68-3DA7-4D29-9CC2-1921E9504975", "8986ce68-3da7-4d29-9cc2-1921e950497", "8986ce68-3da7-4d29-9cc2-1921e95049755",
      "8986ce683da74d299cc21921e9504975", "8986ce68-3da7-4d29-9cc2-1921e950497\n", "OS::Nova::Server", "OS::", "::Nova",
      "OS::Nova::" + "x".repeat(60), "A::" + "b".repeat(61), "", " ");

  @Test
  void everyConstraintOfTheGeneratedInterfaceIsCompiled() {
    assertThat(PRECHECK.isCompiled()).isTrue();
  }

  @Test
  void aValidRequestPassesWithoutTheValidator() throws Exception {
    Object[] args = arguments(PROJECT, Requests.validBody(new Random(1)));
    assertThat(PRECHECK.passes(args)).isTrue();
    assertThat(VALIDATOR.forExecutables().validateParameters(RESOURCE, OPERATION, args)).isEmpty();
  }

  @Test
  void listSizesAtAndPastTheSpecsLimitsAgree() throws Exception {
    String item = Requests.JSON.readTree(Requests.validBody(new Random(7))).elements().next().get(0).toString();
    for (int items : new int[] {0, 1, 100, 101}) {
      String body = "{\"check_restorable\":[" + String.join(",", Collections.nCopies(items, item)) + "]}";
      assertAgrees(arguments(PROJECT, body));
    }
    ObjectNode tree = (ObjectNode) Requests.JSON.readTree("{\"check_restorable\":[" + item + "]}");
    ArrayNode volumes = (ArrayNode) tree.get("check_restorable").get(0).get("target").get("volumes");
    JsonNode mapping = volumes.get(0);
    for (int size : new int[] {0, 60, 61}) {
      volumes.removeAll();
      for (int i = 0; i < size; i++) {
        volumes.add(mapping.deepCopy());
      }
      assertAgrees(arguments(PROJECT, tree.toString()));
    }
  }

  @Test
  void noBodyAndNullItemsAgree() throws Exception {
    assertAgrees(new Object[] {PROJECT, Contract.CSBS_PROVIDER_ID, null});
    // The servers' JSON binding refuses null items before validation; the precheck must agree
    // with the validator on them all the same.
    assertAgrees(new Object[] {PROJECT, Contract.CSBS_PROVIDER_ID,
        new ResourceActionRequest().checkProtectable(java.util.Arrays.asList((io.github.csbscontract.server.model.ProtectableParam) null))});
    assertAgrees(arguments(PROJECT, "{\"check_restorable\":[{\"checkpoint_item_id\":null,\"target\":null}]}"));
  }

  @Property(tries = 1500)
  void randomRequestsGetTheValidatorsVerdict(@ForAll("seeds") long seed) throws Exception {
    Random random = new Random(seed);
    String body = random.nextBoolean() ? Requests.mutatedBody(random) : nearMiss(random, Requests.validBody(random));
    Object[] args;
    try {
      args = arguments(Requests.pick(random, PROJECTS), body);
    } catch (Exception notBindable) {
      return; // refused by JSON binding before any validation: nothing to compare
    }
    assertAgrees(args);
  }

  @Test
  void aConstraintItDoesNotKnowLeavesTheVerdictToTheValidator() throws Exception {
    Method method = Unknowable.class.getMethod("call", String.class);
    ConstraintPrecheck precheck = ConstraintPrecheck.forParameters(VALIDATOR, method);

    assertThat(precheck.isCompiled()).isFalse();
    assertThat(precheck.passes(new Object[] {"someone@example.com"})).isFalse();
  }

  @Test
  void aBeanWithAConstraintItDoesNotKnowLeavesTheVerdictToTheValidator() throws Exception {
    Method method = Unknowable.class.getMethod("send", Counter.class);
    ConstraintPrecheck precheck = ConstraintPrecheck.forParameters(VALIDATOR, method);

    assertThat(precheck.passes(new Object[] {new Counter(5)})).isFalse();
    assertThat(precheck.passes(new Object[] {null})).as("@NotNull is known and fails").isFalse();
  }

  private static void assertAgrees(Object[] args) {
    boolean valid = VALIDATOR.forExecutables().validateParameters(RESOURCE, OPERATION, args).isEmpty();
    assertThat(PRECHECK.passes(args)).as("precheck verdict for %s", args[2]).isEqualTo(valid);
  }

  private static Object[] arguments(String project, String body) throws Exception {
    return new Object[] {project, Contract.CSBS_PROVIDER_ID, JSON.readValue(body, ResourceActionRequest.class)};
  }

  /** A valid body with one string replaced by a value at the edge of the constraints. */
  private static String nearMiss(Random random, String valid) throws Exception {
    JsonNode tree = Requests.JSON.readTree(valid);
    List<ObjectNode> holders = new ArrayList<>();
    collect(tree, holders);
    ObjectNode holder = Requests.pick(random, holders);
    List<String> textFields = new ArrayList<>();
    holder.fields().forEachRemaining(field -> {
      if (field.getValue().isTextual()) {
        textFields.add(field.getKey());
      }
    });
    holder.put(Requests.pick(random, textFields), Requests.pick(random, NEAR_MISSES));
    return tree.toString();
  }

  private static void collect(JsonNode node, List<ObjectNode> holders) {
    if (node instanceof ObjectNode object) {
      boolean hasText = false;
      for (JsonNode child : object) {
        hasText |= child.isTextual();
      }
      if (hasText) {
        holders.add(object);
      }
    }
    node.forEach(child -> collect(child, holders));
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  /** Shapes the precheck does not compile: it must say "ask the validator". */
  interface Unknowable {
    void call(@Email String address);

    void send(@NotNull @Valid Counter counter);
  }

  static final class Counter {
    private final int value;

    Counter(int value) {
      this.value = value;
    }

    @Min(1)
    public int getValue() {
      return value;
    }
  }
}
