package io.github.csbscontract.client;

import static io.github.csbscontract.client.Wire.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One Hibernate Validator per JVM, made by the first validation, not by build(); closing a
 * client leaves it to the others. (How long build() takes: ClientBuildBenchmark, BENCHMARKS.md.)
 */
class SharedValidatorTest {

  @RegisterExtension
  static final SpecCheckedWireMock wireMock = new SpecCheckedWireMock();

  @Test
  void buildMakesNoValidatorAndEveryClientValidatesWithTheSameOne() {
    wireMock.server.stubFor(action().willReturn(json(200, body("seed-restorable-response.json"))));
    int before = RequestValidator.created();

    CsbsClient first = client(wireMock).build();
    CsbsClient second = client(wireMock).build();
    assertThat(RequestValidator.created()).as("build() made none").isEqualTo(before);

    first.checkRestorable(seedItem()).execute();
    first.close();
    second.checkRestorable(seedItem()).execute();
    second.close();
    for (int i = 0; i < 20; i++) {
      try (CsbsClient another = client(wireMock).build()) {
        another.checkRestorable(seedItem()).execute();
      }
    }

    assertThat(RequestValidator.created()).as("at most the shared one, if no test made it before").isLessThanOrEqualTo(before + 1);
    assertThat(RequestValidator.shared()).isSameAs(RequestValidator.shared());
    assertThat(wireMock.served()).hasSize(22);
  }
}
