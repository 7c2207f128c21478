package io.github.csbscontract.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.server.Await;
import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bodies take from the server's body budget the buffer memory their bytes need as they arrive (a
 * kilobyte to start, doubling), not what their Content-Length declares, and give it back when they
 * are done; past the budget a body is refused with 503 and the
 * service's error body.
 */
class BodyBudgetTest {

  private static final int MIB = 1024 * 1024;
  private static final String AUTH = "X-Auth-Token: demo-token-project-a\r\nContent-Type: application/json\r\n";
  private static final String BODY =
      "{\"check_protectable\":[{\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\",\"resource_type\":\"OS::Nova::Server\"}]}";

  private static ReferenceServer server;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    // The smallest budget allowed: one body at the limit.
    server = ReferenceServer.start(ServerOptions.forTests().withMaxBodyBytes(MIB).withBodyBudgetBytes(MIB));
    port = server.baseUri().getPort();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void declaredSizesTakeNothingOnlyReceivedBytesDoAndTheyAreGivenBack() throws Exception {
    List<Socket> declared = new ArrayList<>();
    try {
      // A hundred bodies declared at the limit hold 100 KiB between them, not 100 MiB.
      for (int i = 0; i < 100; i++) {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        // The 100 Continue says the server has admitted it and is reading its body (holding its
        // share of the budget), so the greedy one below comes after all of them.
        RawHttp.write(socket, head(MIB).replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n") + "{" + " ".repeat(1023));
        declared.add(socket);
      }
      for (Socket socket : declared) {
        assertThat(new String(socket.getInputStream().readNBytes(CONTINUE.length()), StandardCharsets.US_ASCII))
            .isEqualTo(CONTINUE);
      }
      assertThat(RawHttp.exchange(port, RawHttp.request("POST", RawHttp.PATH, AUTH, BODY)).status()).isEqualTo(200);

      // What no longer fits is refused, in the service's format, and that connection closed.
      try (Socket greedy = new Socket("127.0.0.1", port)) {
        greedy.setSoTimeout(10_000);
        try {
          RawHttp.write(greedy, head(MIB) + "{" + " ".repeat(MIB - 50 * 1024));
        } catch (java.io.IOException refusedWhileSending) {
          // The answer may come, and the connection close, before all of it is written.
        }
        RawHttp.Answer answer = RawHttp.read(greedy.getInputStream());
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.head()).contains("connection: close");
        assertThat(answer.body()).contains("\"error_code\":\"");
        assertThat(answer.problems("POST", RawHttp.PATH)).isEmpty();
      }
    } finally {
      for (Socket socket : declared) {
        socket.close();
      }
    }
    // Given back once the server has seen the closes: a body of most of the budget fits again.
    String large = BODY.substring(0, BODY.length() - 1) + " ".repeat(MIB - 100 * 1024) + "}";
    RawHttp.Answer[] answer = new RawHttp.Answer[1];
    Await.until("a large body served once the declared ones are gone", () -> {
      answer[0] = RawHttp.exchange(port, RawHttp.request("POST", RawHttp.PATH, AUTH, large));
      return answer[0].status() != 503;
    });
    assertThat(answer[0].status()).isEqualTo(200);
    assertThat(answer[0].problems("POST", RawHttp.PATH)).isEmpty();
  }

  private static final String CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n";

  private static String head(int declaredLength) {
    return "POST " + RawHttp.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + AUTH + "Content-Length: " + declaredLength
        + "\r\n\r\n";
  }

}
