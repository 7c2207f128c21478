package io.github.csbscontract.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.csbscontract.client.model.ResourceActionRequest;
import io.github.csbscontract.core.validation.ConstraintPrecheck;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * With the contract's choices on, the client's validation answers a request exactly as Hibernate
 * Validator does, whether the precheck or the validator decides: random requests at and around
 * the spec's limits. (By default the client leaves the choices to the service: ContractChoicesTest.)
 */
class RequestValidatorTest {

  private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  /** As client users have it: no Jakarta EL, so the parameter interpolator. */
  private static final Validator HIBERNATE = Validation.byProvider(HibernateValidator.class).configure()
      .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
  private static final List<String> IDS = List.of("8986ce68-3da7-4d29-9cc2-1921e9504975", "5aa119a8-d25b-45a7-8d1b-88e127885635",
      "8986CE68-3DA7-4D29-9CC2-1921E9504975", "8986ce68-3da7-4d29-9cc2-1921e950497", "8986ce683da74d299cc21921e9504975", "");
  private static final List<String> TYPES = List.of("OS::Nova::Server", "OS::Cinder::Volume", "OS::", "Nova", "",
      "OS::" + "x".repeat(61));
  private static final int[] ITEM_COUNTS = {0, 1, 1, 2, 3, 100, 101};
  private static final int[] VOLUME_COUNTS = {0, 1, 1, 2, 60, 61};

  @Test
  void randomRequestsGetTheValidatorsVerdict() throws Exception {
    ConstraintPrecheck precheck = ConstraintPrecheck.forBeans(HIBERNATE);
    int valid = 0;
    try (RequestValidator client = new RequestValidator(true)) {
      Random random = new Random(20261127);
      for (int i = 0; i < 2000; i++) {
        ResourceActionRequest request = JSON.treeToValue(body(random), ResourceActionRequest.class);
        boolean hibernate = HIBERNATE.validate(request).isEmpty();

        assertThat(precheck.passesBean(request)).as("precheck on %s", request).isEqualTo(hibernate);
        assertThat(client.violations(request).isEmpty()).as("client on %s", request).isEqualTo(hibernate);
        valid += hibernate ? 1 : 0;
      }
    }
    assertThat(valid).as("both verdicts are exercised").isBetween(200, 1800);
  }

  private static ObjectNode body(Random random) {
    ObjectNode body = JSON.createObjectNode();
    int items = ITEM_COUNTS[random.nextInt(ITEM_COUNTS.length)];
    boolean nearMisses = random.nextInt(3) == 0;
    if (random.nextBoolean()) {
      ArrayNode list = body.putArray("check_restorable");
      for (int i = 0; i < items; i++) {
        ObjectNode item = list.addObject();
        item.put("checkpoint_item_id", id(random, nearMisses));
        ObjectNode target = item.putObject("target");
        target.put("resource_id", id(random, nearMisses));
        target.put("resource_type", type(random, nearMisses));
        ArrayNode volumes = target.putArray("volumes");
        // Long lists of items or of disks, not both: the validator is slow on thousands of mappings.
        int disks = items > 3 ? 1 : VOLUME_COUNTS[random.nextInt(VOLUME_COUNTS.length)];
        for (int v = 0; v < disks; v++) {
          volumes.addObject().put("backup_id", id(random, nearMisses)).put("volume_id", id(random, nearMisses));
        }
        if (nearMisses && random.nextInt(10) == 0) {
          item.remove(random.nextBoolean() ? "target" : "checkpoint_item_id");
        }
      }
    } else {
      ArrayNode list = body.putArray("check_protectable");
      for (int i = 0; i < items; i++) {
        list.addObject().put("resource_id", id(random, nearMisses)).put("resource_type", type(random, nearMisses));
      }
    }
    return body;
  }

  private static String id(Random random, boolean nearMisses) {
    if (nearMisses && random.nextInt(20) == 0) {
      return null;
    }
    return IDS.get(random.nextInt(nearMisses && random.nextInt(8) == 0 ? IDS.size() : 2));
  }

  private static String type(Random random, boolean nearMisses) {
    return TYPES.get(random.nextInt(nearMisses && random.nextInt(8) == 0 ? TYPES.size() : 2));
  }
}
