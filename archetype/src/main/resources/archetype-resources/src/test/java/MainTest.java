package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.Test;

/** What {@link Main} adds around the operation: the health check and a graceful stop. */
class MainTest {

  private static final String BODY = "{\"check_protectable\":[{\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\","
      + "\"resource_type\":\"OS::Nova::Server\"}]}";

  @Test
  void healthSaysUp() throws Exception {
    InMemoryInventory data = InMemoryInventory.sample();
    HttpServer server = Main.start("127.0.0.1", 0, data, data);
    try {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Main.port(server) + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertEquals(200, answer.statusCode());
      assertEquals("{\"status\":\"UP\"}", answer.body());
      assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    } finally {
      server.shutdownNow();
    }
  }

  @Test
  void aStopLetsTheRequestInFlightFinish() throws Exception {
    InMemoryInventory data = InMemoryInventory.sample();
    HttpServer server = Main.start("127.0.0.1", 0, data, data);
    int port = Main.port(server);
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    try (Socket client = new Socket("127.0.0.1", port)) {
      OutputStream out = client.getOutputStream();
      out.write(("POST /v1/" + InMemoryInventory.SAMPLE_PROJECT
          + "/providers/fc4d5750-22e7-4798-8a46-f48f62c4c1da/resources/action HTTP/1.1\r\n"
          + "Host: 127.0.0.1\r\nX-Auth-Token: " + InMemoryInventory.SAMPLE_TOKEN + "\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, 10);
      out.flush();

      Thread stopping = new Thread(() -> Main.stop(server));
      stopping.start();
      awaitRefused(port);
      out.write(body, 10, body.length - 10);
      out.flush();

      BufferedReader answer = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
      assertEquals("HTTP/1.1 200 OK", answer.readLine());
      stopping.join();
    }
  }

  /** Until the stop has begun: the listener takes no new connection. */
  private static void awaitRefused(int port) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
      } catch (IOException refused) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the server still takes connections 10 s after the stop began");
  }
}
