package io.github.csbscontract.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.core.Contract;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference server serves the framework-free service core itself: the packaged jar, asked
 * for an answer of each kind (200, the gateway's 401 and 404, the service's 415 and a 400 from
 * Bean Validation), loads no class of the JAX-RS adapter and no JAX-RS class but the annotations
 * of the generated interface it reads its operation from: no provider, no {@code Response}, no
 * {@code ContextResolver}. The JVM's own class-load log says what was loaded.
 */
class NoJaxRsRuntimeIT {

  private static final String PATH = Contract.OPERATION_PATH
      .replace("{project_id}", "0605767ab000d4c12f3bc0033d9d5d06")
      .replace("{provider_id}", Contract.CSBS_PROVIDER_ID);
  private static final String BODY =
      "{\"check_protectable\":[{\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\",\"resource_type\":\"OS::Nova::Server\"}]}";

  @Test
  void answersOfEveryKindLoadNoJaxRsClassButTheInterfacesAnnotations(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("class-load.log");
    try (ServerProcess server = ServerProcess.start(List.of("-Xlog:class+load=info:file=" + log), Map.of(),
        "--port", "0")) {
      URI base = server.awaitReady();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      assertThat(send(http, base, PATH, "demo-token-project-a", "application/json", BODY)).isEqualTo(200);
      assertThat(send(http, base, PATH, null, "application/json", BODY)).isEqualTo(401);
      assertThat(send(http, base, PATH + "/more", "demo-token-project-a", "application/json", BODY)).isEqualTo(404);
      assertThat(send(http, base, PATH, "demo-token-project-a", "text/plain", BODY)).isEqualTo(415);
      assertThat(send(http, base, PATH, "demo-token-project-a", "application/json",
          BODY.replace("OS::Nova::Server", "nova"))).isEqualTo(400);
      server.terminate();
      assertThat(server.awaitExit(30)).isZero();
    }

    List<String> loaded = Files.readAllLines(log).stream()
        .map(NoJaxRsRuntimeIT::className)
        .filter(name -> name.contains("jakarta.ws.rs.") || name.contains("javax.ws.rs.")
            || name.startsWith("io.github.csbscontract.jaxrs."))
        .toList();
    assertThat(loaded).as("JAX-RS classes loaded").isNotEmpty()
        .allSatisfy(name -> assertThat(Class.forName(name).isAnnotation()).as(name).isTrue());
  }

  private static int send(HttpClient http, URI base, String path, String token, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.substring(1)))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header(Contract.TOKEN_HEADER, token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** {@code [0.123s][info][class,load] a.b.C source: ...} -> {@code a.b.C}. */
  private static String className(String line) {
    int start = line.indexOf("] ", line.indexOf("[class,load]"));
    if (start < 0) {
      return "";
    }
    int end = line.indexOf(' ', start + 2);
    return end < 0 ? line.substring(start + 2) : line.substring(start + 2, end);
  }
}
