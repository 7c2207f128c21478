package io.github.csbscontract.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import io.github.csbscontract.spec.SpecContract;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests only a raw socket can send; each answer must still be the spec's. */
class RawHttpTest {

  private static final String PATH =
      "/v1/0605767ab000d4c12f3bc0033d9d5d06/providers/fc4d5750-22e7-4798-8a46-f48f62c4c1da/resources/action";
  private static final String BODY =
      "{\"check_protectable\":[{\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\",\"resource_type\":\"OS::Nova::Server\"}]}";

  private static ReferenceServer server;

  @BeforeAll
  static void start() throws Exception {
    server = ReferenceServer.start(ServerOptions.forTests().withReadTimeout(java.time.Duration.ofSeconds(1)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anH2cUpgradeHeaderDoesNotStallTheBody() throws Exception {
    // What the JDK's HttpClient sends by default; Grizzly treats the body as an upgraded stream.
    String answer = exchange(head(BODY.length())
        + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\n\r\n" + BODY);

    assertThat(answer).startsWith("HTTP/1.1 200");
    assertValid(answer);
  }

  @Test
  void aBodyThatStopsArrivingIsTheClientsMistake() throws Exception {
    String answer = exchange(head(BODY.length() + 50) + "\r\n" + BODY);

    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer).contains("\"error_code\":\"CSBS.9001\"", "body:");
    assertValid(answer);
  }

  private static String head(int contentLength) {
    return "POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: demo-token-project-a\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + contentLength + "\r\n";
  }

  private static String exchange(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.baseUri().getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      int n;
      while ((n = in.read(buffer)) > 0) {
        answer.write(buffer, 0, n);
        if (complete(answer.toString(StandardCharsets.UTF_8))) {
          break;
        }
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  private static boolean complete(String answer) {
    int split = answer.indexOf("\r\n\r\n");
    if (split < 0) {
      return false;
    }
    var length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(answer.substring(0, split));
    return length.find() && answer.length() - split - 4 >= Integer.parseInt(length.group(1));
  }

  private static void assertValid(String answer) {
    int split = answer.indexOf("\r\n\r\n");
    int status = Integer.parseInt(answer.substring(9, 12));
    SpecContract.assertValidResponse("POST", PATH, status, "application/json", answer.substring(split + 4));
  }
}
