package io.github.csbscontract.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorMessagesTest {

  /** C0, DEL, C1 (NEL, CSI), bidi overrides and isolates, line separators: each echoed as a space. */
  @ParameterizedTest(name = "U+{0}")
  @ValueSource(ints = {0x0a, 0x1b, 0x7f, 0x85, 0x9b, 0x061c, 0x200e, 0x200f, 0x202a, 0x202e, 0x2066, 0x2069, 0x2028, 0x2029})
  void charactersThatReorderOrSplitTextAreSpaces(int c) {
    assertThat(ErrorMessages.clean("id " + (char) c + "abc")).isEqualTo("id  abc");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ünïcödé", "日本語", "emoji \uD83D\uDE00"})
  void otherTextIsKept(String text) {
    assertThat(ErrorMessages.clean(text)).isEqualTo(text);
  }
}
