package io.github.csbscontract.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.server.model.ProtectableParam;
import io.github.csbscontract.server.model.ResourceActionRequest;
import io.github.csbscontract.server.model.RestorableParam;
import io.github.csbscontract.server.model.RestorableTarget;
import io.github.csbscontract.server.model.RestoreVolumeMapping;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** On the models the generator writes from the spec (max 100 items, max 60 volumes). */
class OversizedListsTest {

  private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

  @Test
  void aTopLevelListPastItsMaximumKeepsOnlyMaxPlusOneAndStillBreaksTheLimit() {
    ResourceActionRequest request = new ResourceActionRequest()
        .checkProtectable(new ArrayList<>(Collections.nCopies(300_000, new ProtectableParam())));

    assertThat(OversizedLists.cut(request)).isTrue();

    assertThat(request.getCheckProtectable()).hasSize(101);
    Set<String> violated = paths(VALIDATOR.validate(request));
    assertThat(violated).contains("checkProtectable");
    // The elements past 101 are not described: at most one violation set per kept element.
    assertThat(VALIDATOR.validate(request)).hasSizeLessThan(101 * 3 + 1);
  }

  @Test
  void listsInsideCascadedModelsAreCutToo() {
    RestorableTarget target = new RestorableTarget()
        .volumes(new ArrayList<>(Collections.nCopies(5_000, new RestoreVolumeMapping())));
    ResourceActionRequest request = new ResourceActionRequest()
        .checkRestorable(new ArrayList<>(List.of(new RestorableParam().target(target))));

    assertThat(OversizedLists.cut(request)).isTrue();

    assertThat(target.getVolumes()).hasSize(61);
    assertThat(paths(VALIDATOR.validate(request))).contains("checkRestorable[0].target.volumes");
  }

  @Test
  void listsWithinTheirLimitsAreLeftAsTheyAre() {
    List<ProtectableParam> hundred = new ArrayList<>(Collections.nCopies(100, new ProtectableParam()));
    ResourceActionRequest request = new ResourceActionRequest().checkProtectable(hundred);

    assertThat(OversizedLists.cut(request)).isFalse();

    assertThat(request.getCheckProtectable()).isSameAs(hundred);
  }

  @Test
  void nullsAndPlainValuesAreIgnored() {
    assertThat(OversizedLists.cut(null)).isFalse();
    assertThat(OversizedLists.cut("text")).isFalse();
    assertThat(OversizedLists.cut(new ResourceActionRequest())).isFalse();
    ResourceActionRequest withNullElement = new ResourceActionRequest()
        .checkProtectable(new ArrayList<>(Collections.nCopies(3, null)));
    assertThat(OversizedLists.cut(withNullElement)).isFalse();
  }

  private static Set<String> paths(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
  }
}
