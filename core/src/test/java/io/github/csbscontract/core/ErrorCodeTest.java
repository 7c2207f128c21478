package io.github.csbscontract.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.spec.ErrorCatalog;
import io.github.csbscontract.spec.ErrorCatalog.Entry;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one place for codes in code ({@link ErrorCode}) and the spec's error catalog
 * ({@code errors.yaml}), in both directions: who answers (gateway, whole request, item), code,
 * status and message template alike. Which status each case is answered with on the wire is held
 * to the catalog by the contract cases.
 */
class ErrorCodeTest {

  @Test
  void everyCodeIsInTheCatalogWithItsStatusAndTemplate() {
    assertThat(ErrorCode.values()).allSatisfy(error -> assertThat(ErrorCatalog.entries())
        .as("%s %s %d \"%s\"", error, error.code(), error.status(), error.template())
        .anySatisfy(entry -> {
          assertThat(entry.where().name()).isEqualTo(error.where().name());
          assertThat(entry.code()).isEqualTo(error.code());
          assertThat(entry.status()).isEqualTo(error.status());
          assertThat(entry.message()).isEqualTo(error.template());
        }));
  }

  @Test
  void everyAnswerOfTheCatalogThatTheServersGiveIsACode() {
    List<String> codes = Arrays.stream(ErrorCode.values())
        .map(e -> e.where() + " " + e.code() + " " + e.template()).toList();
    for (Entry entry : ErrorCatalog.entries()) {
      assertThat(codes.contains(entry.where() + " " + entry.code() + " " + entry.message()))
          .as("ErrorCode has %s", entry).isEqualTo(entry.referenceServer());
    }
  }
}
