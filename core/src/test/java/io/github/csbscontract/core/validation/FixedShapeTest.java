package io.github.csbscontract.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The loop that stands in for the regex engine must match exactly what the regex matches. */
class FixedShapeTest {

  private static final List<String> SHAPES = List.of("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
      "^[0-9a-f]{32}$", "^[A-Z]{2}\\.[0-9]{4}$", "ab-c", "^[a-cx]{3}:[0-9]$");
  private static final List<String> SEEDS = List.of("8986ce68-3da7-4d29-9cc2-1921e9504975",
      "8986CE68-3DA7-4D29-9CC2-1921E9504975", "8986ce68-3da7-4d29-9cc2-1921e950497", "0605767ab000d4c12f3bc0033d9d5d06",
      "AB.1234", "ab-c", "abx:7", "", "8986ce68-3da7-4d29-9cc2-1921e950497\n");
  private static final String ALPHABET = "0a9f-.:ABCxz\n\u00e9\uD83D\uDE00";

  @Test
  void fixedShapesMatchExactlyWhatTheRegexMatches() {
    Random random = new Random(20261127);
    for (int i = 0; i < 20_000; i++) {
      String regexp = SHAPES.get(random.nextInt(SHAPES.size()));
      StringBuilder text = new StringBuilder(random.nextBoolean() ? SEEDS.get(random.nextInt(SEEDS.size())) : "");
      if (random.nextBoolean() && text.length() > 0) {
        text.setCharAt(random.nextInt(text.length()), ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      int extra = random.nextInt(4) == 0 ? random.nextInt(40) : 0;
      for (int c = 0; c < extra; c++) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      ConstraintPrecheck.FixedShape shape = ConstraintPrecheck.FixedShape.of(regexp);

      assertThat(shape).as(regexp).isNotNull();
      assertThat(shape.matches(text)).as(regexp + " on " + text).isEqualTo(Pattern.matches(regexp, text));
    }
  }

  @Test
  void bothVerdictsOccur() {
    ConstraintPrecheck.FixedShape uuid = ConstraintPrecheck.FixedShape.of(SHAPES.get(0));
    assertThat(uuid.matches(SEEDS.get(0))).isTrue();
    assertThat(uuid.matches(SEEDS.get(1))).isFalse();
    assertThat(uuid.matches(SEEDS.get(8))).isFalse();
  }

  @Test
  void patternsWithRepetitionGroupsOrNegationAreLeftToTheRegexEngine() {
    for (String regexp : List.of("^[A-Za-z0-9]+(::[A-Za-z0-9]+)+$", "^[^\\x00-\\x1F\\x7F]*$", "[0-9]+", "a|b", "^\\d{3}$",
        "^[0-9a-f]{2,4}$", ".{3}", "^[a-f\\-]{3}$")) {
      assertThat(ConstraintPrecheck.FixedShape.of(regexp)).as(regexp).isNull();
    }
  }
}
