package io.github.csbscontract.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JsonPathsTest {

  /** The rule as a regex, the form it had before it was written by hand for speed. */
  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

  @Test
  void theSpecsPropertyNamesBecomeItsJsonNames() {
    assertThat(JsonPaths.snakeCase("checkRestorable")).isEqualTo("check_restorable");
    assertThat(JsonPaths.snakeCase("checkpointItemId")).isEqualTo("checkpoint_item_id");
    assertThat(JsonPaths.snakeCase("volumeId")).isEqualTo("volume_id");
    assertThat(JsonPaths.snakeCase("target")).isEqualTo("target");
  }

  @Test
  void agreesWithTheRegexOnAnyAsciiName() {
    Random random = new Random(42);
    String alphabet = "aAbZz09_.-";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder name = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String expected = CAMEL.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
      assertThat(JsonPaths.snakeCase(name.toString())).as(name.toString()).isEqualTo(expected);
    }
  }
}
