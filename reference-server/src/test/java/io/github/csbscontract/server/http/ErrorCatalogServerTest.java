package io.github.csbscontract.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.rules.CsbsError;
import io.github.csbscontract.server.http.ApiError.GatewayError;
import io.github.csbscontract.spec.ErrorCatalog;
import io.github.csbscontract.spec.ErrorCatalog.Entry;
import io.github.csbscontract.spec.ErrorCatalog.Where;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The spec's error catalog and the codes the reference server answers with: the service's
 * ({@link CsbsError}) and the gateway's ({@link GatewayError}), code and message template alike,
 * in both directions. Statuses are held to the catalog by the contract cases, each answered by
 * this server exactly.
 */
class ErrorCatalogServerTest {

  @Test
  void everyServiceCodeOfTheServerIsInTheCatalogWithItsTemplate() {
    assertThat(CsbsError.values()).allSatisfy(error -> assertThat(ErrorCatalog.entries())
        .as("%s %s \"%s\"", error, error.code(), template(error))
        .anySatisfy(e -> {
          assertThat(e.where()).isNotEqualTo(Where.GATEWAY);
          assertThat(e.code()).isEqualTo(error.code());
          assertThat(e.message()).isEqualTo(template(error));
        }));
  }

  @Test
  void everyGatewayCodeOfTheServerIsInTheCatalogWithItsMessage() {
    assertThat(GatewayError.values()).allSatisfy(error -> assertThat(ErrorCatalog.entries())
        .as("%s %s \"%s\"", error, error.code, error.message)
        .anySatisfy(e -> {
          assertThat(e.where()).isEqualTo(Where.GATEWAY);
          assertThat(e.code()).isEqualTo(error.code);
          assertThat(e.message()).isEqualTo(error.message);
        }));
  }

  @Test
  void everyAnswerOfTheCatalogThatTheServerGivesHasItsCodeThere() {
    List<String> server = Arrays.stream(CsbsError.values()).map(e -> e.code() + " " + template(e)).toList();
    List<String> gateway = Arrays.stream(GatewayError.values()).map(e -> e.code + " " + e.message).toList();
    for (Entry entry : ErrorCatalog.entries()) {
      List<String> codes = entry.where() == Where.GATEWAY ? gateway : server;
      assertThat(codes.contains(entry.code() + " " + entry.message())).as("the server has %s", entry)
          .isEqualTo(entry.referenceServer());
    }
  }

  /** The template as the catalog writes it: the message with every argument left as {@code %s}. */
  private static String template(CsbsError error) {
    Object[] placeholders = new Object[8];
    Arrays.fill(placeholders, "%s");
    return error.message(placeholders);
  }
}
