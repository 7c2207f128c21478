package io.github.csbscontract.server.wire;

import io.github.csbscontract.core.testing.Requests;
import io.github.csbscontract.core.Contract;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever a client sends, the answer is one of the documented statuses with a body the spec
 * allows, never a 5xx, a hang or a stack trace. Real HTTP to the server in this JVM.
 */
class AnyRequestPropertiesTest {

  private static final Set<Integer> DOCUMENTED = Set.of(200, 400, 401, 403, 404, 413, 415);
  private static final List<String> METHODS = List.of("POST", "POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH");
  private static final List<String> TOKENS = List.of("demo-token-project-a", "demo-token-project-a", "demo-token-project-b",
      "", "nope", "x".repeat(2000), "demo-token-project-a\u0000");
  private static final List<String> TYPES = List.of("application/json", "application/json; charset=utf-8",
      "application/json;charset=UTF-8", "text/plain", "application/xml", "*/*", "application/merge-patch+json", "garbage");

  private static ReferenceServer server;

  @BeforeContainer
  static void start() throws Exception {
    server = ReferenceServer.start(ServerOptions.forTests());
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  @Property(tries = 400)
  void validBodiesAreAnsweredItemByItem(@ForAll("seeds") long seed) throws Exception {
    Random random = new Random(seed);
    String body = Requests.validBody(random);

    RawHttp.Answer answer = RawHttp.exchange(server.baseUri().getPort(), RawHttp.request("POST", RawHttp.PATH,
        "X-Auth-Token: demo-token-project-a\r\nContent-Type: application/json\r\n", body));

    assertThat(answer.status()).as(body).isEqualTo(200);
    assertThat(answer.problems("POST", RawHttp.PATH)).as(body).isEmpty();
    int items = Requests.JSON.readTree(body).elements().next().size();
    assertThat(Requests.JSON.readTree(answer.body()).elements().next().size()).isEqualTo(items);
  }

  @Property(tries = 600)
  void anyRequestGetsADocumentedAnswer(@ForAll("seeds") long seed) throws Exception {
    Random random = new Random(seed);
    String method = Requests.pick(random, METHODS);
    String path = path(random);
    StringBuilder headers = new StringBuilder();
    if (random.nextInt(6) > 0) {
      headers.append("X-Auth-Token: ").append(Requests.pick(random, TOKENS)).append("\r\n");
    }
    if (random.nextInt(6) > 0) {
      headers.append("Content-Type: ").append(Requests.pick(random, TYPES)).append("\r\n");
    }
    if (random.nextInt(5) == 0) {
      headers.append("X-Auth-Token: ").append(Requests.pick(random, TOKENS)).append("\r\n");
    }
    if (random.nextInt(5) == 0) {
      headers.append("Accept: ").append(Requests.pick(random, TYPES)).append("\r\n");
    }
    String body = random.nextInt(8) == 0 ? null : random.nextBoolean() ? Requests.mutatedBody(random) : Requests.validBody(random);

    RawHttp.Answer answer = RawHttp.exchange(server.baseUri().getPort(), RawHttp.request(method, path, headers.toString(), body));

    String request = method + " " + path + "\n" + headers + "\n" + (body == null ? "" : body.substring(0, Math.min(body.length(), 300)));
    boolean toDocs = "GET".equals(method) && "/".equals(path) && answer.status() == 303;
    assertThat(toDocs || DOCUMENTED.contains(answer.status())).as(request + "\n-> " + answer.status() + " " + answer.body()).isTrue();
    assertThat(answer.problems(method, path)).as(request).isEmpty();
  }

  private static String path(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> "/v1/" + hex(random, 32) + "/providers/" + Contract.CSBS_PROVIDER_ID + "/resources/action";
      case 1 -> "/v1/0605767ab000d4c12f3bc0033d9d5d06/providers/" + java.util.UUID.randomUUID() + "/resources/action";
      case 2 -> Requests.pick(random, List.of("/", "/v1", "/v1/", "/nope", RawHttp.PATH + "/", RawHttp.PATH + "/x",
          "/v1/0605767ab000d4c12f3bc0033d9d5d06/providers//resources/action", "/%00", "/v1/%E2%82%AC/providers/x/resources/action"));
      case 3 -> RawHttp.PATH + "?" + "q=" + hex(random, random.nextInt(500));
      default -> RawHttp.PATH;
    };
  }

  private static String hex(Random random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append("0123456789abcdef".charAt(random.nextInt(16)));
    }
    return text.toString();
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }
}
