package io.github.csbscontract.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import io.github.csbscontract.server.control.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that read their answers slowly or not at all: the idle timeout (500 ms here) watches
 * reads, and {@link IdleGuard} decides by the answers' progress. A slow reader gets everything;
 * a client that stopped reading is closed and its answers dropped, even one that keeps sending.
 */
class SlowReadersTest {

  private static ReferenceServer server;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    server = ReferenceServer.start(ServerOptions.forTests().withAdmin(true).withIdleTimeout(Duration.ofMillis(500)));
    port = server.baseUri().getPort();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aClientThatStopsReadingItsAnswersIsClosedInsteadOfHeldForever() throws Exception {
    int docs = RawHttp.exchange(port, "GET /docs HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").body().length();
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(2048);
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      RawHttp.write(socket, "GET /docs HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".repeat(3));
      // Silent and not reading, for longer than two idle periods (500 ms each here).
      Thread.sleep(2_000);
      socket.setSoTimeout(10_000);
      long received = socket.getInputStream().transferTo(OutputStream.nullOutputStream());
      assertThat(received).as("cut off, not all three answers").isLessThan(3L * docs);
    }
  }

  @Test
  void aSlowButSteadyReaderGetsAllOfALargeAnswer() throws Exception {
    int docs = RawHttp.exchange(port, "GET /docs HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").body().length();
    try (Socket socket = RawHttp.connect(port)) {
      RawHttp.write(socket, "GET /docs HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      InputStream in = socket.getInputStream();
      byte[] chunk = new byte[64 * 1024];
      long received = 0;
      long started = System.nanoTime();
      for (int n; (n = in.read(chunk)) != -1; ) {
        received += n;
        Thread.sleep(50);
      }
      // Several idle periods (500 ms here) long, with bytes taken all along: the answer, then its close.
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(1_200));
      assertThat(received).as("the whole page and its head").isGreaterThan(docs);
    }
  }

  @Test
  void theRequestListIsNotHeldByAClientThatKeepsSendingButNeverReads() throws Exception {
    String controls = "\u0001".repeat(60_000);
    for (int i = 0; i < 40; i++) {
      server.requests().add(new RecordedRequest("POST", "/" + i,
          Map.of(), null, controls, 400));
    }
    try (Socket stalled = new Socket()) {
      stalled.setReceiveBufferSize(2048);
      stalled.connect(new InetSocketAddress("127.0.0.1", port));
      RawHttp.write(stalled, "GET /_csbs/requests HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
      int status = 503;
      while (status == 503 && System.nanoTime() < deadline) {
        try {
          // Never idle to the read timeout: a request every 200 ms.
          RawHttp.write(stalled, "GET /nope HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        } catch (IOException closed) {
          // The server gave up on it: what this test waits for.
        }
        Thread.sleep(200);
        status = RawHttp.exchange(port, "GET /_csbs/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            .status();
      }
      assertThat(status).as("the list is free again once the stalled client is closed").isEqualTo(200);
    } finally {
      server.requests().clear();
    }
  }


}
