package io.github.csbscontract.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.net.httpserver.HttpServer;
import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.catalog.CatalogBuilder;
import io.github.csbscontract.catalog.DemoCatalog;
import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventConditions;
import org.junit.platform.testkit.engine.Events;

/** ConformanceTests as an implementer's build runs them: one dynamic test per case. */
class ConformanceTestsTest {

  private static final String PROJECT = "0605767ab000d4c12f3bc0033d9d5d06";

  private static ReferenceServer server;
  /** Where the nested test classes below send their cases. */
  static volatile ContractCase.Target target;

  @BeforeAll
  static void start() throws Exception {
    server = ReferenceServer.start(ServerOptions.forTests());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void withTheDemoCatalogEveryCaseRunsAndPasses() {
    target = ContractCase.Target.demo(server.baseUri().toString());

    Events tests = run(WithDemoCatalog.class);

    long replayOnly = Cases.all().stream().filter(ContractCase::replayOnly).count();
    assertThat(tests.succeeded().count()).isEqualTo(Cases.all().size() - replayOnly);
    assertThat(tests.failed().count()).isZero();
    assertThat(tests.aborted().count()).as("the replay-only cases").isEqualTo(replayOnly).isPositive();
  }

  @Test
  void aForeignServerSkipsWhatNeedsTheDemoCatalogOrAnotherToken() {
    target = new ContractCase.Target(server.baseUri().toString(), PROJECT, "demo-token-project-a", null);

    Events tests = run(Foreign.class);

    long portable = Cases.all().stream()
        .filter(c -> !c.replayOnly() && !c.needsDemoCatalog() && !c.usesOtherToken() && !c.gatewayLimit()).count();
    assertThat(tests.succeeded().count()).isEqualTo(portable);
    assertThat(tests.failed().count()).isZero();
    assertThat(tests.skipped().count()).isZero();
    assertThat(tests.aborted().count()).isEqualTo(Cases.all().size() - portable);
    tests.aborted().assertThatEvents().haveAtLeastOne(EventConditions.event(
        EventConditions.displayName("should_answer_403_when_token_is_of_another_project"),
        EventConditions.abortedWithReason(org.assertj.core.api.Assertions.<Throwable>allOf(
            org.junit.platform.testkit.engine.TestExecutionResultConditions.message(m -> m.contains("another project's token"))))));
  }

  @Test
  void aServerThatOnlyReplaysExamplesFailsWithTheDifferences() throws Exception {
    byte[] body = "{\"restorable\":[]}".getBytes(StandardCharsets.UTF_8);
    HttpServer replay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    replay.createContext("/", exchange -> {
      try (InputStream request = exchange.getRequestBody()) {
        request.transferTo(java.io.OutputStream.nullOutputStream());
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    replay.start();
    try {
      target = new ContractCase.Target("http://127.0.0.1:" + replay.getAddress().getPort(), PROJECT, "any-token-at-all",
          "another-token");

      Events tests = run(WithDemoCatalog.class);

      assertThat(tests.succeeded().count()).isZero();
      assertThat(tests.failed().count()).isEqualTo(Cases.all().stream().filter(c -> !c.replayOnly()).count());
      tests.failed().assertThatEvents().haveAtLeastOne(EventConditions.event(
          EventConditions.displayName("should_answer_401_when_token_missing"),
          EventConditions.finishedWithFailure(org.junit.platform.testkit.engine.TestExecutionResultConditions.message(
              m -> m.contains("status: expected 401, was 200")))));
    } finally {
      replay.stop(0);
    }
  }

  @Test
  void aFixtureLoaderRunsEveryCaseOnWhatItLoadedIntoTheStore() {
    target = new ContractCase.Target(server.baseUri().toString(), "ffffffffffffffffffffffffffffffff",
        "a-token-the-cases-do-not-use", null);
    try {
      Events tests = run(ThroughFixtures.class);

      long runnable = Cases.all().stream().filter(c -> !c.replayOnly() && !c.gatewayLimit()).count();
      assertThat(tests.succeeded().count()).isEqualTo(runnable);
      assertThat(tests.failed().count()).isZero();
      assertThat(ThroughFixtures.calls).containsExactly("clear", "load " + DemoCatalog.PROJECT_A);
    } finally {
      server.resetCatalog();
    }
  }

  @Test
  void aStoreThatLosesWhatItWasGivenFailsTheCases() {
    target = new ContractCase.Target(server.baseUri().toString(), PROJECT, "demo-token-project-a", null);
    try {
      Events tests = run(LosingBackups.class);

      tests.failed().assertThatEvents().haveAtLeastOne(EventConditions.event(
          EventConditions.displayName("should_pass_when_seed_example"),
          EventConditions.finishedWithFailure(org.junit.platform.testkit.engine.TestExecutionResultConditions.message(
              m -> m.contains("CSBS.3001")))));
    } finally {
      server.resetCatalog();
    }
  }

  @Test
  void withoutAFixtureLoaderASkippedCaseNamesTheHook() {
    target = new ContractCase.Target(server.baseUri().toString(), PROJECT, "demo-token-project-a", null);

    Events tests = run(Foreign.class);

    tests.aborted().assertThatEvents().haveAtLeastOne(EventConditions.event(
        EventConditions.displayName("should_pass_when_seed_example"),
        EventConditions.abortedWithReason(org.junit.platform.testkit.engine.TestExecutionResultConditions.message(
            m -> m.contains("FixtureLoader") && m.contains("fixtures()")))));
  }

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
  }

  /** Not run by Surefire itself (nested), only through the test kit above. */
  static class WithDemoCatalog extends ConformanceTests {
    @Override
    protected ContractCase.Target target() {
      return target;
    }

    @Override
    protected boolean demoCatalog() {
      return true;
    }

    @Override
    protected boolean gatewayLimits() {
      return true;
    }
  }

  /** The reference server as "your store": what is loaded is what it answers from. */
  static class ThroughFixtures extends ConformanceTests {
    static final java.util.List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    protected ContractCase.Target target() {
      return target;
    }

    @Override
    protected FixtureLoader fixtures() {
      calls.clear();
      return new FixtureLoader() {
        @Override
        public void load(Catalog catalog) {
          calls.add("load " + catalog.projects().get(0).id());
          server.useCatalog(catalog);
        }

        @Override
        public void clear() {
          calls.add("clear");
          server.useCatalog(CatalogBuilder.empty().project(PROJECT, p -> p.token("nobody-uses-this")).build());
        }
      };
    }
  }

  /** A store with a planted bug: it keeps the projects and servers, and drops every backup. */
  static class LosingBackups extends ConformanceTests {
    @Override
    protected ContractCase.Target target() {
      return target;
    }

    @Override
    protected FixtureLoader fixtures() {
      return new FixtureLoader() {
        @Override
        public void load(Catalog catalog) {
          CatalogBuilder lossy = CatalogBuilder.empty();
          catalog.projects().forEach(project -> lossy.project(project.id(), p -> project.tokens().forEach(p::token)));
          server.useCatalog(lossy.build());
        }

        @Override
        public void clear() {}
      };
    }
  }

  static class Foreign extends ConformanceTests {
    @Override
    protected ContractCase.Target target() {
      return target;
    }
  }
}
