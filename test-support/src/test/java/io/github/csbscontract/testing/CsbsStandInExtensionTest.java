package io.github.csbscontract.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.catalog.CatalogBuilder;
import io.github.csbscontract.client.CheckResult;
import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.client.ProtectItem;
import io.github.csbscontract.rules.ServerStatus;
import io.github.csbscontract.server.control.Fault;
import io.github.csbscontract.server.control.Faults;
import io.github.csbscontract.server.control.RequestLog;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The extension as a test class uses it, run through the JUnit engine itself where the lifecycle matters. */
class CsbsStandInExtensionTest {

  private static final String ECS_ID = "5aa119a8-d25b-45a7-8d1b-88e127885635";

  @Test
  void everyHandleIsInjectedAndTheyAgree() {
    Events events = run(InjectionFixture.class);
    assertThat(events.succeeded().count()).isEqualTo(1);
  }

  @Test
  void faultsRecordedRequestsAndTheCatalogAreResetBeforeEachTestOnOneServer() {
    ResetFixture.ports.clear();
    Events events = run(ResetFixture.class);
    assertThat(events.failed().count()).as("failures: %s", events.failed().list()).isZero();
    assertThat(events.succeeded().count()).isEqualTo(2);
    assertThat(ResetFixture.ports).as("one server for the class").hasSize(1);
  }

  @Test
  void perMethodLifecycleGivesEachTestItsOwnServer() {
    PerMethodFixture.ports.clear();
    Events events = run(PerMethodFixture.class);
    assertThat(events.failed().count()).as("failures: %s", events.failed().list()).isZero();
    assertThat(events.succeeded().count()).isEqualTo(2);
    assertThat(PerMethodFixture.ports).hasSize(2);
  }

  @Test
  void parallelClassesEachGetTheirOwnServer() {
    ParallelFixtureA.ports.clear();
    ParallelFixtureA.bothRunning = new CountDownLatch(2);
    Events events = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
        .selectors(selectClass(ParallelFixtureA.class), selectClass(ParallelFixtureB.class))
        .execute().testEvents();
    assertThat(events.failed().count()).as("failures: %s", events.failed().list()).isZero();
    assertThat(ParallelFixtureA.ports).as("a server per class, at the same time").hasSize(2);
  }

  @Test
  void aCatalogBuiltInCodeIsTheClassesCatalog() {
    Events events = run(CatalogFixture.class);
    assertThat(events.failed().count()).as("failures: %s", events.failed().list()).isZero();
    assertThat(events.succeeded().count()).isEqualTo(1);
  }

  @Test
  void aCatalogResourceIsTheClassesCatalog() {
    Events events = run(CatalogResourceFixture.class);
    assertThat(events.failed().count()).as("failures: %s", events.failed().list()).isZero();
  }

  @Test
  void theInjectedClientIsClosedAfterTheTest() {
    ClientFixture.clients.clear();
    assertThat(run(ClientFixture.class).succeeded().count()).isEqualTo(1);
    CsbsClient used = ClientFixture.clients.get(0);
    assertThatThrownBy(() -> used.checkProtectable(ProtectItem.server(ECS_ID)).execute()).hasMessageContaining("closed");
  }

  @Test
  void withoutTheAnnotationNothingIsInjected() {
    Events events = run(NotAnnotatedFixture.class);
    assertThat(events.failed().count()).isEqualTo(1);
  }

  @Test
  void aRequestAnEarlierTestAbandonedIsNotInTheNextTestsLog() {
    Events events = run(AbandonedFixture.class);
    assertThat(events.failed().count()).as("failures: %s", events.failed().list()).isZero();
    assertThat(events.succeeded().count()).isEqualTo(2);
  }

  @Test
  void theServersOptionsComeFromTheAnnotation() {
    Events events = run(ServerOptionsFixture.class);
    assertThat(events.failed().count()).as("failures: %s", events.failed().list()).isZero();
    assertThat(events.succeeded().count()).isEqualTo(1);

    Events fixed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FixedOptionFixture.class)).execute()
        .containerEvents();
    assertThat(fixed.failed().count()).isEqualTo(1);
    assertThat(fixed.failed().list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)).get().asString()
        .contains("--port is set by the extension");
  }

  @CsbsStandIn
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class AbandonedFixture {
    static java.net.Socket leftOpen;

    @Test
    @Order(1)
    void sendsAndGivesUp(StandIn standIn) throws Exception {
      standIn.faults().add(Fault.latency(java.time.Duration.ofMillis(300)).times(1));
      leftOpen = new java.net.Socket("127.0.0.1", standIn.baseUri().getPort());
      String body = "{\"check_protectable\":[{\"resource_id\":\"" + ECS_ID + "\",\"resource_type\":\"OS::Nova::Server\"}]}";
      leftOpen.getOutputStream().write(("POST /v1/" + standIn.projectId() + "/providers/fc4d5750-22e7-4798-8a46-f48f62c4c1da"
          + "/resources/action HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: " + standIn.token() + "\r\nConnection: close\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!standIn.faults().list().isEmpty()) {
        assertThat(System.nanoTime()).as("the request took its fault").isLessThan(deadline);
        Thread.sleep(1);
      }
    }

    @Test
    @Order(2)
    void seesOnlyItsOwn(StandIn standIn, CsbsClient client) throws Exception {
      client.checkRestorable(io.github.csbscontract.client.RestoreItem.backup("8986ce68-3da7-4d29-9cc2-1921e9504975")
          .ontoServer(ECS_ID).mapDisk("7ea119a8-d25b-43a7-8d1b-88e12788513a", "45baf976-c20a-4894-a7c3-c94b7376bf55").build()).execute();
      leftOpen.setSoTimeout(10_000);
      assertThat(new String(leftOpen.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII))
          .as("the earlier test's request was answered during this one").startsWith("HTTP/1.1 200");
      leftOpen.close();
      assertThat(standIn.recorded()).extracting(r -> r.action()).containsExactly("check_restorable");
    }
  }

  @CsbsStandIn(serverOptions = {"--max-body-bytes", "2048"})
  static class ServerOptionsFixture {
    @Test
    void refusesALargerBody(StandIn standIn) throws Exception {
      java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(standIn.baseUri().resolve("v1/" + standIn.projectId()
                  + "/providers/fc4d5750-22e7-4798-8a46-f48f62c4c1da/resources/action"))
              .header("X-Auth-Token", standIn.token()).header("Content-Type", "application/json")
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"check_protectable\":[" + " ".repeat(3000) + "]}"))
              .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(413);
    }
  }

  @CsbsStandIn(serverOptions = {"--port", "8080"})
  static class FixedOptionFixture {
    @Test
    void neverRuns(StandIn standIn) {}
  }

  private static Events run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
  }

  @CsbsStandIn
  static class InjectionFixture {
    @Test
    void all(StandIn standIn, CsbsClient client, Faults faults, RequestLog requests, URI base, @BaseUrl String url) {
      assertThat(url).isEqualTo(base.toString()).isEqualTo(standIn.baseUrl()).startsWith("http://127.0.0.1:");
      assertThat(faults).isSameAs(standIn.faults());
      assertThat(requests).isSameAs(standIn.requests());
      assertThat(standIn.projectId()).isEqualTo("0605767ab000d4c12f3bc0033d9d5d06");
      assertThat(standIn.token()).isEqualTo("demo-token-project-a");
      List<CheckResult> results = client.checkProtectable(ProtectItem.server(ECS_ID)).execute();
      assertThat(results.get(0).passed()).isTrue();
      assertThat(requests.all()).hasSize(1);
    }
  }

  @CsbsStandIn
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ResetFixture {
    static final Set<Integer> ports = ConcurrentHashMap.newKeySet();

    @Test
    @Order(1)
    void changesEverything(StandIn standIn, CsbsClient client) {
      ports.add(standIn.baseUri().getPort());
      client.checkProtectable(ProtectItem.server(ECS_ID)).execute();
      standIn.faults().add(Fault.throttled());
      standIn.useCatalog(CatalogBuilder.empty().project("ffffffffffffffffffffffffffffffff", p -> p.token("other-token-1")).build());
    }

    @Test
    @Order(2)
    void findsItAsNew(StandIn standIn, CsbsClient client) {
      ports.add(standIn.baseUri().getPort());
      assertThat(standIn.faults().list()).isEmpty();
      assertThat(standIn.recorded()).isEmpty();
      assertThat(standIn.projectId()).isEqualTo("0605767ab000d4c12f3bc0033d9d5d06");
      assertThat(client.checkProtectable(ProtectItem.server(ECS_ID)).execute().get(0).passed()).isTrue();
    }
  }

  @CsbsStandIn(lifecycle = CsbsStandIn.Lifecycle.PER_METHOD)
  static class PerMethodFixture {
    static final Set<Integer> ports = ConcurrentHashMap.newKeySet();

    @Test
    void one(StandIn standIn) {
      ports.add(standIn.baseUri().getPort());
    }

    @Test
    void two(StandIn standIn) {
      ports.add(standIn.baseUri().getPort());
    }
  }

  @CsbsStandIn
  static class ParallelFixtureA {
    static final Set<Integer> ports = ConcurrentHashMap.newKeySet();
    static volatile CountDownLatch bothRunning = new CountDownLatch(2);

    @Test
    void runsBesideTheOther(StandIn standIn, CsbsClient client) throws Exception {
      ports.add(standIn.baseUri().getPort());
      bothRunning.countDown();
      assertThat(bothRunning.await(30, TimeUnit.SECONDS)).as("both classes run at once").isTrue();
      assertThat(client.checkProtectable(ProtectItem.server(ECS_ID)).execute()).hasSize(1);
    }
  }

  @CsbsStandIn
  static class ParallelFixtureB extends ParallelFixtureA {}

  @CsbsStandIn
  static class CatalogFixture {
    static final String PROJECT = "ffffffffffffffffffffffffffffffff";

    @CsbsCatalog
    static Catalog shop() {
      return CatalogBuilder.empty()
          .project(PROJECT, p -> p.name("shop").token("shop-token-1"))
          .server(ECS_ID, s -> s.status(ServerStatus.RESIZE).systemDisk("45baf976-c20a-4894-a7c3-c94b7376bf55", 40))
          .build();
    }

    @Test
    void answersFromIt(StandIn standIn, CsbsClient client) {
      assertThat(standIn.projectId()).isEqualTo(PROJECT);
      assertThat(standIn.token()).isEqualTo("shop-token-1");
      assertThat(client.checkProtectable(ProtectItem.server(ECS_ID)).execute().get(0).errorCode()).isEqualTo("CSBS.6006");
    }
  }

  @CsbsStandIn(catalogResource = "catalogs/one-server.json")
  static class CatalogResourceFixture {
    @Test
    void answersFromIt(StandIn standIn, CsbsClient client) {
      assertThat(standIn.token()).isEqualTo("file-token-1");
      assertThat(client.checkProtectable(ProtectItem.server(ECS_ID)).execute().get(0).passed()).isTrue();
    }
  }

  @CsbsStandIn
  static class ClientFixture {
    static final List<CsbsClient> clients = new CopyOnWriteArrayList<>();

    @Test
    void uses(CsbsClient client) {
      clients.add(client);
      client.checkProtectable(ProtectItem.server(ECS_ID)).execute();
    }
  }

  static class NotAnnotatedFixture {
    @org.junit.jupiter.api.extension.ExtendWith(CsbsStandInExtension.class)
    @Test
    void wantsAServer(StandIn standIn) {
      standIn.baseUrl();
    }
  }
}
