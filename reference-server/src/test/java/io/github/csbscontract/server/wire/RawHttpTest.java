package io.github.csbscontract.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.core.Contract;
import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests only a raw socket can send, and the server's limits; every answer must be the spec's. */
class RawHttpTest {

  private static final String BODY =
      "{\"check_protectable\":[{\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\",\"resource_type\":\"OS::Nova::Server\"}]}";
  private static final String AUTH = "X-Auth-Token: demo-token-project-a\r\nContent-Type: application/json\r\n";

  private static ReferenceServer server;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    server = ReferenceServer.start(ServerOptions.forTests().withBodyTimeout(Duration.ofSeconds(1)));
    port = server.baseUri().getPort();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anH2cUpgradeHeaderDoesNotStallTheBody() throws Exception {
    // What the JDK's HttpClient sends by default; an HTTP/2 upgrade would take the body with it.
    RawHttp.Answer answer = RawHttp.exchange(port, RawHttp.request("POST", RawHttp.PATH, AUTH
        + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\n", BODY));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.problems("POST", RawHttp.PATH)).isEmpty();
  }

  @Test
  void aBodyThatStopsArrivingIsTheClientsMistakeAndOthersAreStillServed() throws Exception {
    try (Socket stalled = new Socket("127.0.0.1", port)) {
      stalled.setSoTimeout(10_000);
      String head = RawHttp.request("POST", RawHttp.PATH, AUTH, null).replace("\r\n\r\n",
          "\r\nContent-Length: " + (BODY.length() + 50) + "\r\n\r\n");
      OutputStream out = stalled.getOutputStream();
      out.write((head + BODY).getBytes(StandardCharsets.UTF_8));
      out.flush();

      long started = System.nanoTime();
      RawHttp.Answer other = RawHttp.exchange(port, RawHttp.request("POST", RawHttp.PATH, AUTH, BODY));
      assertThat(other.status()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as("served while another client stalls")
          .isLessThan(Duration.ofMillis(900));

      RawHttp.Answer answer = RawHttp.read(stalled.getInputStream());
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.body()).contains("\"error_code\":\"CSBS.9001\"", "body: could not be read to its end");
      assertThat(answer.problems("POST", RawHttp.PATH)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"POST, /v1/0605767ab000d4c12f3bc0033d9d5d06/providers/" + Contract.CSBS_PROVIDER_ID + "/resources/check",
      "DELETE, " + RawHttp.PATH, "PUT, /", "POST, /health", "DELETE, /docs"})
  void anythingButTheOperationAndThePagesIsNoApi(String method, String path) throws Exception {
    // The gateway identifies an API by method and path, so another method is 404 like another path.
    RawHttp.Answer answer = RawHttp.exchange(port, RawHttp.request(method, path, AUTH, BODY));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body()).contains("\"error_code\":\"APIG.0101\"");
    assertThat(answer.problems(method, path)).isEmpty();
  }

  @Test
  void headersOverTheLimitGetTheServicesErrorBody() throws Exception {
    // Past the gateway's header limit, 16 KiB.
    String junk = "X-Junk: " + "a".repeat(16 * 1024) + "\r\n";
    RawHttp.Answer answer = RawHttp.exchange(port, RawHttp.request("POST", RawHttp.PATH, AUTH + junk, BODY));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("\"error_code\":\"APIG.0201\"", "request header fields too large");
    assertThat(answer.problems("POST", RawHttp.PATH)).isEmpty();
  }

  @Test
  void headersPastWhatTheDecoderHoldsStillGetTheServicesErrorBody() throws Exception {
    String junk = "X-Junk: " + "a".repeat(100 * 1024) + "\r\n";
    RawHttp.Answer answer = RawHttp.exchange(port, RawHttp.request("POST", RawHttp.PATH, AUTH + junk, BODY));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("\"error_code\":\"APIG.0201\"", "request header fields too large");
    assertThat(answer.problems("POST", RawHttp.PATH)).isEmpty();
  }

  @Test
  void aRequestLineTooLongForTheDecoderGetsTheServicesErrorBody() throws Exception {
    String path = RawHttp.PATH + "?" + "q".repeat(100 * 1024);
    RawHttp.Answer answer = RawHttp.exchange(port, RawHttp.request("POST", path, AUTH, BODY));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("\"error_code\":\"APIG.0201\"", "request line is too long");
  }

  @Test
  void aRefusedRequestsUnreadBodyDoesNotConfuseTheNextRequestOnTheConnection() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      String refused = RawHttp.request("POST", RawHttp.PATH, "X-Auth-Token: nope\r\nContent-Type: application/json\r\n", BODY);
      out.write(refused.getBytes(StandardCharsets.UTF_8));
      out.flush();
      assertThat(RawHttp.read(in).status()).isEqualTo(401);

      out.write(RawHttp.request("POST", RawHttp.PATH, AUTH, BODY).getBytes(StandardCharsets.UTF_8));
      out.flush();
      RawHttp.Answer next = RawHttp.read(in);
      assertThat(next.status()).isEqualTo(200);
      assertThat(next.problems("POST", RawHttp.PATH)).isEmpty();
    }
  }

  @Test
  void aRefusedRequestWhoseChunkedBodyBreaksItsFramingClosesTheConnection() throws Exception {
    try (Socket socket = RawHttp.connect(port)) {
      // No token: refused at once, its body read and dropped, until a chunk size that is not hex.
      RawHttp.write(socket, "POST " + RawHttp.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      InputStream in = socket.getInputStream();
      assertThat(RawHttp.read(in).status()).isEqualTo(401);
      RawHttp.write(socket, "5\r\n{\"a\":\r\nzz\r\n");
      // Nothing after a broken frame can be read as a request: closed, not left to the idle timeout.
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void aRefusedRequestWhoseBodyStallsDoesNotHoldItsConnection() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      String head = RawHttp.request("POST", RawHttp.PATH, "X-Auth-Token: nope\r\nContent-Type: application/json\r\n", null)
          .replace("\r\n\r\n", "\r\nContent-Length: 1000\r\n\r\n");
      socket.getOutputStream().write((head + "{\"check_").getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();

      assertThat(RawHttp.read(in).status()).isEqualTo(401);
      // The read deadline (1 s here) ends the connection instead of waiting for the rest.
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void expectContinueIsAnsweredOnlyForAnAdmittedRequest() throws Exception {
    String expect = "Expect: 100-continue\r\nContent-Length: " + BODY.length() + "\r\n";
    try (Socket refused = new Socket("127.0.0.1", port)) {
      refused.setSoTimeout(5_000);
      refused.getOutputStream().write(RawHttp.request("POST", RawHttp.PATH,
          "X-Auth-Token: nope\r\nContent-Type: application/json\r\n" + expect, null).getBytes(StandardCharsets.UTF_8));
      // No body sent: the refusal comes without it.
      assertThat(RawHttp.read(refused.getInputStream()).status()).isEqualTo(401);
    }
    try (Socket admitted = new Socket("127.0.0.1", port)) {
      admitted.setSoTimeout(5_000);
      admitted.getOutputStream().write(RawHttp.request("POST", RawHttp.PATH, AUTH + expect, null)
          .getBytes(StandardCharsets.UTF_8));
      byte[] interim = admitted.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
      assertThat(new String(interim, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
      admitted.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
      assertThat(RawHttp.read(admitted.getInputStream()).status()).isEqualTo(200);
    }
  }

  @Test
  void aBodyOverTheLimitIsAnsweredWhileTheClientStillSendsAndTheConnectionServesOn() throws Exception {
    int limit = 1024 * 1024;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String padded = BODY.substring(0, BODY.length() - 1) + " ".repeat(limit + 100_000) + "}";
      out.write(RawHttp.request("POST", RawHttp.PATH, AUTH, padded).getBytes(StandardCharsets.UTF_8));
      out.flush();
      assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(413);

      out.write(RawHttp.request("POST", RawHttp.PATH, AUTH, BODY).getBytes(StandardCharsets.UTF_8));
      out.flush();
      assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
    }
  }

  @Test
  void aLongUnknownFieldIsNotEchoedInFull() throws Exception {
    String name = "x".repeat(5000);
    RawHttp.Answer answer = RawHttp.exchange(port, RawHttp.request("POST", RawHttp.PATH, AUTH,
        "{\"" + name + "\": 1}"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).hasSizeLessThan(300).contains("x".repeat(64) + "...").doesNotContain("x".repeat(65));
    assertThat(answer.problems("POST", RawHttp.PATH)).isEmpty();
  }

  @Test
  void manyOpenConnectionsDoNotStopTheServer() throws Exception {
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 500; i++) {
        idle.add(new Socket("127.0.0.1", port));
      }
      RawHttp.Answer answer = RawHttp.exchange(port, RawHttp.request("POST", RawHttp.PATH, AUTH, BODY));
      assertThat(answer.status()).isEqualTo(200);
    } finally {
      for (Socket socket : idle) {
        socket.close();
      }
    }
  }

  @Test
  void aKeptAliveConnectionServesRequestAfterRequest() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (int i = 0; i < 20; i++) {
        out.write(RawHttp.request("POST", RawHttp.PATH, AUTH, BODY).getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertThat(RawHttp.read(in).status()).isEqualTo(200);
      }
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInTheOrderSent() throws Exception {
    // The first is invalid, so it is described on the worker thread and answered later than the
    // page after it would be if answers went out as they were ready.
    String invalid = "{\"check_protectable\":[{\"resource_id\":\"not-an-id\",\"resource_type\":\"OS::Nova::Server\"}]}";
    String pipelined = RawHttp.request("POST", RawHttp.PATH, AUTH, invalid)
        + "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        + RawHttp.request("POST", RawHttp.PATH, AUTH, BODY)
        + "GET /nope HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

    List<String> answers = answersUntilClosed(pipelined);

    assertThat(answers).hasSize(4);
    assertThat(answers.get(0)).startsWith("HTTP/1.1 400 ").contains("\"error_code\":\"CSBS.");
    assertThat(answers.get(1)).startsWith("HTTP/1.1 200 ").endsWith("{\"status\":\"UP\"}");
    assertThat(answers.get(2)).startsWith("HTTP/1.1 200 ").contains("\"protectable\"");
    assertThat(answers.get(3)).startsWith("HTTP/1.1 404 ").containsIgnoringCase("connection: close");
  }

  @Test
  void aThousandPipelinedRequestsInOneWriteAreAllAnswered() throws Exception {
    String page = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    List<String> answers = answersUntilClosed(page.repeat(1_000)
        + "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    assertThat(answers).hasSize(1_001).allSatisfy(answer ->
        assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("{\"status\":\"UP\"}"));
  }

  @Test
  void headIsAnsweredWithTheHeadAloneAndTheConnectionServesOn() throws Exception {
    List<String> answers = answersUntilClosed("HEAD /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        + "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    assertThat(answers).hasSize(2);
    // The length of the body a GET would get, and no body.
    assertThat(answers.get(0)).startsWith("HTTP/1.1 200 ").containsIgnoringCase("content-length: 15")
        .endsWith("\r\n\r\n");
    assertThat(answers.get(1)).startsWith("HTTP/1.1 200 ").endsWith("{\"status\":\"UP\"}");
  }

  /**
   * Everything the server sends on one connection until it closes it, cut into answers at each
   * status line (the bodies here hold none).
   */
  private static List<String> answersUntilClosed(String requests) throws Exception {
    try (Socket socket = RawHttp.connect(port)) {
      RawHttp.write(socket, requests);
      String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      List<String> answers = new ArrayList<>();
      for (int at = 0; at < all.length(); ) {
        int next = all.indexOf("HTTP/1.1 ", at + 1);
        answers.add(all.substring(at, next < 0 ? all.length() : next));
        at = next < 0 ? all.length() : next;
      }
      return answers;
    }
  }
}
