package io.github.csbscontract.tests;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Every contract case as a JUnit 5 dynamic test against your running implementation: extend it,
 * say where the server listens, and each case passes, fails with its differences, or is skipped
 * with the reason.
 *
 * <pre>{@code
 * class MyServiceConformanceTest extends ConformanceTests {
 *   @Override
 *   protected ContractCase.Target target() {
 *     return new ContractCase.Target("http://127.0.0.1:" + port, projectId, token, otherProjectsToken);
 *   }
 * }
 * }</pre>
 *
 * To run every case through your own store, return a {@link FixtureLoader} from
 * {@link #fixtures()}: it loads the demo catalog the cases were written against into your store
 * before they run, and every case then runs against it as demo project A, every answer matched
 * exactly. Without one, cases that need the demo catalog are skipped (saying so) and error
 * answers are compared by status and {@code error_code}, as the conformance kit does, unless
 * {@link #demoCatalog()} says your server already holds that catalog.
 */
public abstract class ConformanceTests {

  private static final List<ContractCase> CASES = ContractCases.all();

  static final String NEEDS_DEMO_CATALOG = "needs the demo catalog: return a FixtureLoader from fixtures() to load"
      + " it into your store (or demoCatalog() true if your server already holds it)";

  /**
   * Where the implementation listens and with which credentials; asked once, when the tests are
   * made, so the server must be up by then (start it in a {@code @BeforeAll} method).
   */
  protected abstract ContractCase.Target target();

  /**
   * Whether the implementation holds the demo catalog ({@code csbs-restore-check-catalog}): then
   * every case runs and messages are compared exactly. False unless overridden.
   */
  protected boolean demoCatalog() {
    return false;
  }

  /**
   * Loads the demo catalog into your store before the cases run: then every case runs, through
   * your {@code Inventory} and {@code TokenLookup}, against demo project A at {@link #target()}'s
   * base URL (its project and tokens are not used), and every answer must match exactly. Null
   * (the default): the cases that need the demo catalog are skipped unless {@link #demoCatalog()}.
   */
  protected FixtureLoader fixtures() {
    return null;
  }

  /**
   * Whether the implementation enforces the API gateway's limits itself (16 KB of headers, as
   * the reference server does): then the cases of those limits run too. False unless overridden:
   * in front of a JAX-RS runtime, the gateway or the runtime's own server enforces them.
   */
  protected boolean gatewayLimits() {
    return false;
  }

  /** One container per group of cases ({@code check_restorable}, ...), one test per case. */
  @TestFactory
  public Stream<DynamicNode> contractCases() {
    FixtureLoader fixtures = fixtures();
    ContractCase.Target target = target();
    boolean demoCatalog = demoCatalog();
    if (fixtures != null) {
      DemoFixtures.loadInto(fixtures);
      target = ContractCase.Target.demo(target.baseUrl());
      demoCatalog = true;
    }
    ContractCase.Target asked = target;
    boolean exact = demoCatalog;
    boolean gatewayLimits = gatewayLimits();
    HttpCaseRunner runner = new HttpCaseRunner();
    Map<String, List<DynamicNode>> groups = new LinkedHashMap<>();
    for (ContractCase c : CASES) {
      int slash = c.id().indexOf('/');
      String group = slash < 0 ? "cases" : c.id().substring(0, slash);
      String name = c.id().substring(slash + 1);
      groups.computeIfAbsent(group, g -> new java.util.ArrayList<>())
          .add(DynamicTest.dynamicTest(name, source(c), () -> check(c, asked, exact, gatewayLimits, runner)));
    }
    return groups.entrySet().stream().map(g -> DynamicContainer.dynamicContainer(g.getKey(), g.getValue()));
  }

  private static void check(ContractCase c, ContractCase.Target target, boolean demoCatalog, boolean gatewayLimits,
      HttpCaseRunner runner) throws Exception {
    Assumptions.assumeFalse(c.replayOnly(), "no request can provoke this answer; checked against the client only");
    Assumptions.assumeFalse(c.needsDemoCatalog() && !demoCatalog, NEEDS_DEMO_CATALOG);
    Assumptions.assumeFalse(c.gatewayLimit() && !gatewayLimits, "a limit of the gateway, not of the operation");
    Assumptions.assumeFalse(c.usesOtherToken() && target.otherToken() == null, "needs another project's token");
    HttpCaseRunner.Answer answer = runner.send(c, target);
    List<String> differences = HttpCaseRunner.differences(c, answer, demoCatalog);
    if (!differences.isEmpty()) {
      throw new AssertionFailedError(c.description() + "\n  " + String.join("\n  ", differences)
          + "\n  answer: " + answer.status() + " " + HttpCaseRunner.snippet(answer.body()));
    }
  }

  /** The case's file, so that an IDE can open it from the test report. */
  private static URI source(ContractCase c) {
    URL file = ConformanceTests.class.getClassLoader().getResource("cases/" + c.id() + ".json");
    try {
      return file == null ? null : file.toURI();
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
