package io.github.csbscontract.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.spec.ErrorCatalog;
import io.github.csbscontract.spec.ErrorCatalog.Entry;
import io.github.csbscontract.spec.ErrorCatalog.Where;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The spec's error catalog and the codes the reference server answers with: the service's
 * ({@link ErrorCode} for whole requests, {@link ErrorCode} for items) and the gateway's
 * ({@link ErrorCode}), code and message template alike, in both directions. Statuses are held to the catalog by the contract cases, each answered by
 * this server exactly.
 */
class ErrorCatalogServerTest {

  @Test
  void everyServiceCodeOfTheServerIsInTheCatalogWithItsTemplate() {
    assertThat(serviceAnswers()).allSatisfy(answer -> assertThat(ErrorCatalog.entries())
        .as(answer)
        .anySatisfy(e -> {
          assertThat(e.where()).isNotEqualTo(Where.GATEWAY);
          assertThat(e.code() + " " + e.message()).isEqualTo(answer);
        }));
  }

  @Test
  void everyGatewayCodeOfTheServerIsInTheCatalogWithItsMessage() {
    assertThat(ErrorCode.values()).allSatisfy(error -> assertThat(ErrorCatalog.entries())
        .as("%s %s \"%s\"", error, error.code(), error.template())
        .anySatisfy(e -> {
          assertThat(e.where()).isEqualTo(Where.GATEWAY);
          assertThat(e.code()).isEqualTo(error.code());
          assertThat(e.message()).isEqualTo(error.template());
        }));
  }

  @Test
  void everyAnswerOfTheCatalogThatTheServerGivesHasItsCodeThere() {
    List<String> server = serviceAnswers();
    List<String> gateway = Arrays.stream(ErrorCode.values()).map(e -> e.code() + " " + e.template()).toList();
    for (Entry entry : ErrorCatalog.entries()) {
      List<String> codes = entry.where() == Where.GATEWAY ? gateway : server;
      assertThat(codes.contains(entry.code() + " " + entry.message())).as("the server has %s", entry)
          .isEqualTo(entry.referenceServer());
    }
  }

  /** Code and template of every service answer, as the catalog writes them. */
  private static List<String> serviceAnswers() {
    List<String> answers = new java.util.ArrayList<>();
    Arrays.stream(ErrorCode.values()).forEach(e -> answers.add(e.code() + " " + e.template()));
    Arrays.stream(ErrorCode.values()).forEach(e -> answers.add(e.code() + " " + e.template()));
    return answers;
  }
}
