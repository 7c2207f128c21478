package io.github.csbscontract.server.wire;


import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.server.Await;
import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import io.github.csbscontract.server.control.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an attacker sends with a raw socket: smuggling attempts (RFC 9112 sections 6.1 and 6.3),
 * slow and idle connections, protocol versions we do not speak, repeated credentials, JSON nulls
 * where objects belong. Every refusal carries the service's error body, and a refusal of the
 * message framing closes the connection, so nothing hidden in a body is ever answered.
 */
class HostileTrafficTest {

  private static final String BODY =
      "{\"check_protectable\":[{\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\",\"resource_type\":\"OS::Nova::Server\"}]}";
  private static final String AUTH = "X-Auth-Token: demo-token-project-a\r\nContent-Type: application/json\r\n";
  private static final String HEAD = "POST " + RawHttp.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + AUTH;
  /**
   * A complete second request, to the admin API (on in this server): carried out only if the
   * server lost track of where the first request ended.
   */
  private static final String SMUGGLED = "POST /_csbs/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      + "Content-Length: 27\r\n\r\n{\"kind\":\"connection_reset\"}";

  private static ReferenceServer server;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    server = ReferenceServer.start(ServerOptions.forTests()
        .withAdmin(true)
        .withHeaderTimeout(Duration.ofSeconds(1))
        .withIdleTimeout(Duration.ofSeconds(2))
        .withBodyTimeout(Duration.ofSeconds(1)));
    port = server.baseUri().getPort();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> smuggling() {
    String chunkedBody = Integer.toHexString(BODY.length()) + "\r\n" + BODY + "\r\n0\r\n\r\n";
    return Stream.of(
        Arguments.of("Content-Length and Transfer-Encoding", 400,
            HEAD + "Content-Length: " + (chunkedBody.length() + SMUGGLED.length()) + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunkedBody + SMUGGLED),
        Arguments.of("Transfer-Encoding and Content-Length", 400,
            HEAD + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n" + chunkedBody + SMUGGLED),
        Arguments.of("chunked not the final coding", 400,
            HEAD + "Transfer-Encoding: chunked, identity\r\n\r\n" + chunkedBody + SMUGGLED),
        Arguments.of("two Transfer-Encoding fields", 400,
            HEAD + "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n" + chunkedBody + SMUGGLED),
        Arguments.of("unknown coding xchunked", 501,
            HEAD + "Transfer-Encoding: xchunked\r\n\r\n" + SMUGGLED),
        Arguments.of("unknown coding gzip", 501,
            HEAD + "Transfer-Encoding: gzip\r\n\r\n" + SMUGGLED),
        Arguments.of("chunk size with leading whitespace", 400,
            HEAD + "Transfer-Encoding: chunked\r\n\r\n 0\r\n\r\n" + SMUGGLED),
        Arguments.of("chunk size 2^32 + 5 (an int wraps to 5)", 400,
            HEAD + "Transfer-Encoding: chunked\r\n\r\n100000005\r\n{\"a\":\r\n0\r\n\r\n" + SMUGGLED),
        Arguments.of("chunk size 2^64 + 5 (a long wraps to 5)", 400,
            HEAD + "Transfer-Encoding: chunked\r\n\r\n10000000000000005\r\n{\"a\":\r\n0\r\n\r\n" + SMUGGLED),
        Arguments.of("chunk size that is not hex", 400,
            HEAD + "Transfer-Encoding: chunked\r\n\r\n0x5\r\n{\"a\":\r\n0\r\n\r\n" + SMUGGLED),
        Arguments.of("Content-Length with a sign", 400,
            HEAD + "Content-Length: +" + BODY.length() + "\r\n\r\n" + BODY + SMUGGLED),
        Arguments.of("two different Content-Length fields", 400,
            HEAD + "Content-Length: " + BODY.length() + "\r\nContent-Length: 0\r\n\r\n" + BODY + SMUGGLED),
        Arguments.of("Content-Length as a list", 400,
            HEAD + "Content-Length: " + BODY.length() + ", " + BODY.length() + "\r\n\r\n" + BODY + SMUGGLED),
        Arguments.of("Content-Length with a space inside", 400,
            HEAD + "Content-Length: " + BODY.length() + " 0\r\n\r\n" + BODY + SMUGGLED),
        Arguments.of("a space before the colon of Content-Length", 400,
            HEAD + "Content-Length : " + BODY.length() + "\r\n\r\n" + BODY + SMUGGLED),
        // RFC 9112 section 7.1: chunk and trailer lines end in CRLF; Netty would drop these silently.
        Arguments.of("chunk size line ended by a bare LF", 400,
            HEAD + "Transfer-Encoding: chunked\r\n\r\n" + chunkedBody.replaceFirst("\r\n", "\n") + SMUGGLED),
        Arguments.of("chunk size line with a bare CR", 400,
            HEAD + "Transfer-Encoding: chunked\r\n\r\n" + chunkedBody.replaceFirst("\r\n", "\r\r\n") + SMUGGLED),
        Arguments.of("last chunk ended by a bare LF", 400,
            HEAD + "Transfer-Encoding: chunked\r\n\r\n" + chunkedBody.replace("0\r\n\r\n", "0\n\r\n") + SMUGGLED),
        Arguments.of("final empty line a bare LF", 400,
            HEAD + "Transfer-Encoding: chunked\r\n\r\n" + chunkedBody.replace("0\r\n\r\n", "0\r\n\n") + SMUGGLED),
        Arguments.of("trailer line ended by a bare LF", 400,
            HEAD + "Transfer-Encoding: chunked\r\n\r\n" + chunkedBody.replace("0\r\n\r\n", "0\r\nX-T: 1\n\r\n") + SMUGGLED),
        Arguments.of("trailer line without a colon", 400,
            HEAD + "Transfer-Encoding: chunked\r\n\r\n" + chunkedBody.replace("0\r\n\r\n", "0\r\nGARBAGE\r\n\r\n") + SMUGGLED),
        Arguments.of("trailer name with a space", 400,
            HEAD + "Transfer-Encoding: chunked\r\n\r\n" + chunkedBody.replace("0\r\n\r\n", "0\r\nX T: 1\r\n\r\n") + SMUGGLED),
        Arguments.of("chunk extension of 70,000 bytes", 400,
            HEAD + "Transfer-Encoding: chunked\r\n\r\n" + chunkedBody.replaceFirst("\r\n", ";e=" + "a".repeat(70_000) + "\r\n")
                + SMUGGLED),
        Arguments.of("trailers of 20,000 bytes", 400,
            HEAD + "Transfer-Encoding: chunked\r\n\r\n" + chunkedBody.replace("0\r\n\r\n", "0\r\nX-T: " + "a".repeat(20_000)
                + "\r\n\r\n") + SMUGGLED),
        // RFC 9112 section 6.1: an HTTP/1.0 hop would take the chunked body's bytes as the next request.
        Arguments.of("Transfer-Encoding in a kept-alive HTTP/1.0 request", 400,
            HEAD.replace(" HTTP/1.1\r\n", " HTTP/1.0\r\nConnection: keep-alive\r\n")
                + "Transfer-Encoding: chunked\r\n\r\n" + chunkedBody + SMUGGLED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smuggling")
  void ambiguousFramingIsRefusedAndTheConnectionClosedSoNothingHiddenIsAnswered(
      String attack, int status, String request) throws Exception {
    try (Socket socket = RawHttp.connect(port)) {
      RawHttp.write(socket, request);
      RawHttp.Answer answer = RawHttp.read(socket.getInputStream());

      assertThat(answer.status()).as(attack).isEqualTo(status);
      assertThat(answer.head()).contains("connection: close");
      assertThat(answer.body()).contains("\"error_code\":\"");
      assertThat(answer.problems("POST", RawHttp.PATH)).isEmpty();
      assertThat(closedWithNothingMore(socket)).as("%s: closed after the answer, no second answer", attack).isTrue();
    }
    assertThat(server.faults().list()).as("%s: the hidden admin request was not carried out", attack).isEmpty();
  }

  @Test
  void theSmuggledAdminRequestIsItselfValidSoTheTestsAboveCanFail() throws Exception {
    try (Socket socket = RawHttp.connect(port)) {
      RawHttp.write(socket, SMUGGLED);
      assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(201);
    } finally {
      assertThat(server.faults().list()).hasSize(1);
      server.faults().clear();
    }
  }

  @Test
  void theAdminApiHasTheSameLimitsAsTheOperation() throws Exception {
    try (Socket declared = RawHttp.connect(port)) {
      // Declared too large: refused at once, and not asked for (no 100 Continue), so no byte of
      // it needs to be sent, however slowly this machine would send it.
      RawHttp.write(declared, "POST /_csbs/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Expect: 100-continue\r\nContent-Length: " + (2 * 1024 * 1024) + "\r\n\r\n");
      RawHttp.Answer tooLarge = RawHttp.read(declared.getInputStream());
      assertThat(tooLarge.status()).isEqualTo(413);
      assertThat(tooLarge.body()).contains("\"error_code\":\"APIG.0201\"");
    }
    try (Socket stalled = RawHttp.connect(port)) {
      RawHttp.write(stalled, "PUT /_csbs/catalog HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100\r\n\r\n{\"projects\":");
      RawHttp.Answer answer = RawHttp.read(stalled.getInputStream());
      assertThat(answer.status()).as("a stalled admin body ends like any other").isEqualTo(400);
    }
    assertThat(server.faults().list()).isEmpty();
  }

  @Test
  void aChunkedBodyWithValidFramingIsStillServed() throws Exception {
    try (Socket socket = RawHttp.connect(port)) {
      String chunks = "5\r\n" + BODY.substring(0, 5) + "\r\n" + Integer.toHexString(BODY.length() - 5).toUpperCase()
          + ";ext=1\r\n" + BODY.substring(5) + "\r\n0\r\n\r\n";
      RawHttp.write(socket, HEAD + "Transfer-Encoding: chunked\r\n\r\n" + chunks);
      assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
      RawHttp.write(socket, HEAD + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(BODY.length()) + " ; name=\"quoted value\"\r\n"
          + BODY + "\r\n0\r\nX-Checksum: abc\r\nX-Empty:\r\n\r\n");
      assertThat(RawHttp.read(socket.getInputStream()).status()).as("extensions and trailers are allowed").isEqualTo(200);
      RawHttp.write(socket, RawHttp.request("POST", RawHttp.PATH, AUTH, BODY));
      assertThat(RawHttp.read(socket.getInputStream()).status()).as("the connection serves on").isEqualTo(200);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"keep-alive, close", "close, keep-alive", "foo, close", "te,Close"})
  void closeAmongTheConnectionOptionsClosesAfterTheAnswer(String options) throws Exception {
    // RFC 9112 section 9.6; a pipelined request after it must not be answered.
    try (Socket socket = RawHttp.connect(port)) {
      RawHttp.write(socket, RawHttp.request("POST", RawHttp.PATH, AUTH + "Connection: " + options + "\r\n", BODY)
          + RawHttp.request("POST", RawHttp.PATH, AUTH, BODY));
      RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.head()).contains("connection: close");
      assertThat(closedWithNothingMore(socket)).as(options).isTrue();
    }
  }

  @Test
  void keepAliveAmongTheOptionsOfAnHttp10RequestKeepsItOpen() throws Exception {
    try (Socket socket = RawHttp.connect(port)) {
      String request = RawHttp.request("POST", RawHttp.PATH, AUTH + "Connection: foo, Keep-Alive\r\n", BODY)
          .replace(" HTTP/1.1\r\n", " HTTP/1.0\r\n");
      RawHttp.write(socket, request);
      assertThat(RawHttp.read(socket.getInputStream()).head()).contains("connection: keep-alive");
      RawHttp.write(socket, request);
      assertThat(RawHttp.read(socket.getInputStream()).status()).as("the second, on the same connection").isEqualTo(200);
    }
  }

  @Test
  void hostValuesTheRfcAllowsAreServed() throws Exception {
    for (String host : List.of("127.0.0.1:8080", "csbs.eu-de.example.com", "[::1]:443", "", "example.com:", "[v1.fe80::a+en1]",
        "h:99999999999999999999", "xn--bcher-kva.example.")) {
      RawHttp.Answer answer = RawHttp.exchange(port, RawHttp.request("POST", RawHttp.PATH, AUTH, BODY)
          .replace("Host: 127.0.0.1", "Host: " + host));
      assertThat(answer.status()).as(host).isEqualTo(200);
    }
  }

  @Test
  void headersTrickledByteByByteAreCutOffAfterTheHeaderTimeout() throws Exception {
    try (Socket socket = RawHttp.connect(port)) {
      OutputStream out = socket.getOutputStream();
      long started = System.nanoTime();
      byte[] head = HEAD.getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < head.length; i++) {
        try {
          out.write(head[i]);
          out.flush();
          Thread.sleep(100);
        } catch (SocketException closed) {
          break;
        }
        if (socket.getInputStream().available() > 0) {
          break;
        }
      }
      assertCutOffByTheHeaderTimeout(socket, started);
    }
  }

  @Test
  void headerLinesSentWholeButSlowlyAreCutOffAfterTheHeaderTimeout() throws Exception {
    try (Socket socket = RawHttp.connect(port)) {
      long started = System.nanoTime();
      RawHttp.write(socket, "POST " + RawHttp.PATH + " HTTP/1.1\r\n");
      // Each line arrives whole, well inside the timeout of the one before: only the head's total counts.
      for (int i = 0; i < 40 && socket.getInputStream().available() == 0; i++) {
        Thread.sleep(100);
        try {
          RawHttp.write(socket, "X-Slow-" + i + ": 1\r\n");
        } catch (SocketException closed) {
          break;
        }
      }
      assertCutOffByTheHeaderTimeout(socket, started);
    }
  }

  @Test
  void manySlowHeaderConnectionsAreAllClosedWhileOthersAreServed() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        Socket socket = RawHttp.connect(port);
        RawHttp.write(socket, "POST " + RawHttp.PATH);
        slow.add(socket);
      }
      assertThat(RawHttp.exchange(port, RawHttp.request("POST", RawHttp.PATH, AUTH, BODY)).status()).isEqualTo(200);
      // Each read waits for that connection's 408 and close, however long the machine takes.
      for (Socket socket : slow) {
        assertThat(answerThenClosed(socket)).as("each slow connection is answered and closed").isTrue();
      }
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  @Test
  void anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    try (Socket socket = RawHttp.connect(port)) {
      RawHttp.write(socket, RawHttp.request("POST", RawHttp.PATH, AUTH, BODY));
      assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
      long started = System.nanoTime();
      socket.setSoTimeout((int) Await.LIMIT.toMillis());
      assertThat(endOfStream(socket.getInputStream())).isTrue();
      // Not before the 2 s idle timeout (the 1 s header timeout would close it sooner); no upper
      // bound: the read timeout above is there to stop a hang, not to time the server.
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1_500));
    }
  }

  @Test
  void anAnswerSlowerThanTheIdleTimeoutStillArrivesAndTheConnectionIsClosedWhenIdleAfterIt() throws Exception {
    // The idle timeout (2 s here) watches reads; a client waiting for its answer sends nothing.
    server.faults().add(Fault.latency(Duration.ofMillis(3_000)));
    try (Socket socket = RawHttp.connect(port)) {
      long started = System.nanoTime();
      RawHttp.write(socket, RawHttp.request("POST", RawHttp.PATH, AUTH, BODY));
      RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
      assertThat(answer.status()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(2_900));
      socket.setSoTimeout(10_000);
      assertThat(endOfStream(socket.getInputStream())).as("closed once idle after the answer").isTrue();
    } finally {
      server.faults().clear();
    }
  }

  @Test
  void closeInASecondConnectionFieldClosesAnHttp10Request() throws Exception {
    try (Socket socket = RawHttp.connect(port)) {
      String request = RawHttp.request("POST", RawHttp.PATH, AUTH + "Connection: keep-alive\r\nConnection: close\r\n", BODY)
          .replace(" HTTP/1.1\r\n", " HTTP/1.0\r\n");
      RawHttp.write(socket, request + request);
      RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.head()).doesNotContain("keep-alive");
      assertThat(closedWithNothingMore(socket)).isTrue();
    }
  }

  static Stream<Arguments> protocolRefusals() {
    String request = "POST " + RawHttp.PATH + " %s\r\nHost: 127.0.0.1\r\n" + AUTH + "Content-Length: " + BODY.length()
        + "\r\n\r\n" + BODY;
    return Stream.of(
        Arguments.of("HTTP/2 prior-knowledge preface", 505, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
        Arguments.of("HTTP/3.0 request line", 505, request.formatted("HTTP/3.0")),
        Arguments.of("lowercase http/1.1", 400, request.formatted("http/1.1")),
        Arguments.of("no Host", 400, request.formatted("HTTP/1.1").replace("Host: 127.0.0.1\r\n", "")),
        Arguments.of("bare LF line ends", 400, request.formatted("HTTP/1.1").replace("\r\n", "\n")),
        Arguments.of("Host with a space", 400, request.formatted("HTTP/1.1").replace("Host: 127.0.0.1", "Host: a b")),
        Arguments.of("Host with user info", 400, request.formatted("HTTP/1.1").replace("Host: 127.0.0.1", "Host: user@127.0.0.1")),
        Arguments.of("Host with a path", 400, request.formatted("HTTP/1.1").replace("Host: 127.0.0.1", "Host: 127.0.0.1/x")),
        Arguments.of("Host with a port that is not digits", 400, request.formatted("HTTP/1.1").replace("Host: 127.0.0.1", "Host: h:8O")),
        Arguments.of("Host with a negative port", 400, request.formatted("HTTP/1.1").replace("Host: 127.0.0.1", "Host: h:-1")),
        Arguments.of("Host with two ports", 400, request.formatted("HTTP/1.1").replace("Host: 127.0.0.1", "Host: h:80:80")),
        Arguments.of("Host with an unclosed IPv6 literal", 400, request.formatted("HTTP/1.1").replace("Host: 127.0.0.1", "Host: [::1")),
        Arguments.of("Host with an IPv6 address unbracketed", 400, request.formatted("HTTP/1.1").replace("Host: 127.0.0.1", "Host: ::1")),
        Arguments.of("Host with text after the IPv6 literal", 400, request.formatted("HTTP/1.1").replace("Host: 127.0.0.1", "Host: [::1]x")),
        Arguments.of("a header line without a name", 400, request.formatted("HTTP/1.1").replace("Host: 127.0.0.1\r\n",
            "Host: 127.0.0.1\r\n: no-name\r\n")),
        Arguments.of("two Content-Type fields", 400, request.formatted("HTTP/1.1").replace("Host: 127.0.0.1\r\n",
            "Host: 127.0.0.1\r\nContent-Type: text/plain\r\n")),
        Arguments.of("two Host fields", 400,
            request.formatted("HTTP/1.1").replace("Host: 127.0.0.1\r\n", "Host: 127.0.0.1\r\nHost: evil.example\r\n")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protocolRefusals")
  void protocolRefusalsCarryTheServicesErrorBody(String what, int status, String request) throws Exception {
    try (Socket socket = RawHttp.connect(port)) {
      RawHttp.write(socket, request);
      RawHttp.Answer answer = RawHttp.read(socket.getInputStream());

      assertThat(answer.status()).as(what).isEqualTo(status);
      assertThat(answer.body()).contains("\"error_code\":\"");
      assertThat(answer.problems("POST", RawHttp.PATH)).isEmpty();
      assertThat(closedWithNothingMore(socket)).isTrue();
    }
  }

  @Test
  void aHigherHttp1MinorVersionIsServedAsHttp11() throws Exception {
    // RFC 9110 section 2.5: a higher minor version is processed as the highest we implement.
    RawHttp.Answer answer = RawHttp.exchange(port,
        RawHttp.request("POST", RawHttp.PATH, AUTH, BODY).replace(" HTTP/1.1\r\n", " HTTP/1.2\r\n"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.problems("POST", RawHttp.PATH)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repeatedTokens")
  void aRepeatedTokenHeaderIsRefusedWhicheverComesFirst(String order, String tokens) throws Exception {
    RawHttp.Answer answer = RawHttp.exchange(port,
        RawHttp.request("POST", RawHttp.PATH, tokens + "Content-Type: application/json\r\n", BODY));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body()).contains("\"error_code\":\"APIG.0301\"", "x-auth-token");
    assertThat(answer.problems("POST", RawHttp.PATH)).isEmpty();
  }

  static Stream<Arguments> repeatedTokens() {
    return Stream.of(
        Arguments.of("valid then bogus", "X-Auth-Token: demo-token-project-a\r\nX-Auth-Token: bogus-token-1\r\n"),
        Arguments.of("bogus then valid", "X-Auth-Token: bogus-token-1\r\nX-Auth-Token: demo-token-project-a\r\n"),
        Arguments.of("valid twice", "X-Auth-Token: demo-token-project-a\r\nX-Auth-Token: demo-token-project-a\r\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nullElements")
  void aJsonNullWhereAnItemBelongsIsA400NamingTheIndex(String body, String field) throws Exception {
    RawHttp.Answer answer = RawHttp.exchange(port, RawHttp.request("POST", RawHttp.PATH, AUTH, body));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("\"error_code\":\"CSBS.9001\"", field);
    assertThat(answer.problems("POST", RawHttp.PATH)).isEmpty();
  }

  static Stream<Arguments> nullElements() {
    String mapping = "{\"backup_id\":\"7ea119a8-d25b-43a7-8d1b-88e12788513a\",\"volume_id\":\"45baf976-c20a-4894-a7c3-c94b7376bf55\"}";
    String item = "{\"checkpoint_item_id\":\"8986ce68-3da7-4d29-9cc2-1921e9504975\",\"target\":{\"resource_type\":\"OS::Nova::Server\","
        + "\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\",\"volumes\":[%s]}}";
    return Stream.of(
        Arguments.of("{\"check_restorable\":[null]}", "check_restorable[0]"),
        Arguments.of("{\"check_restorable\":[" + item.formatted(mapping) + ",null]}", "check_restorable[1]"),
        Arguments.of("{\"check_restorable\":[" + item.formatted("null") + "]}", "check_restorable[0].target.volumes[0]"),
        Arguments.of("{\"check_restorable\":[" + item.formatted(mapping + ",null") + "]}",
            "check_restorable[0].target.volumes[1]"),
        Arguments.of("{\"check_protectable\":[null]}", "check_protectable[0]"));
  }

  @Test
  void aMegabyteOfEmptyItemsIsRefusedForTheListsSizeWithoutDescribingEachItem() throws Exception {
    // 349,000 items, each of which breaks two rules: described one by one, that was 698,000
    // violations, seconds of event-loop time and an OutOfMemoryError in a 128 MiB heap.
    String body = "{\"check_protectable\":[" + "{},".repeat(349_000) + "{}]}";
    assertThat(body.length()).isLessThan(1024 * 1024);

    RawHttp.Answer answer = RawHttp.exchange(port, RawHttp.request("POST", RawHttp.PATH, AUTH, body));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("\"error_code\":\"CSBS.9001\"", "check_protectable: size must be between 1 and 100");
    Matcher more = Pattern.compile("\\(and (\\d+) more\\)").matcher(answer.body());
    assertThat(more.find()).as(answer.body()).isTrue();
    assertThat(Integer.parseInt(more.group(1))).as("only the first 101 items are described").isLessThanOrEqualTo(2 * 101);
    assertThat(answer.problems("POST", RawHttp.PATH)).isEmpty();
    assertThat(RawHttp.exchange(port, RawHttp.request("POST", RawHttp.PATH, AUTH, BODY)).status()).isEqualTo(200);
  }

  @Test
  void expectContinueIsNotSentToAnHttp10Client() throws Exception {
    // RFC 9110 section 15.2: no 1xx to an HTTP/1.0 client; it sends its body without waiting.
    try (Socket socket = RawHttp.connect(port)) {
      RawHttp.write(socket, HEAD.replace(" HTTP/1.1\r\n", " HTTP/1.0\r\n") + "Expect: 100-continue\r\nContent-Length: "
          + BODY.length() + "\r\n\r\n");
      Thread.sleep(300);
      RawHttp.write(socket, BODY);
      RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
      assertThat(answer.head()).startsWith("http/1.0 200 ");
      assertThat(answer.problems("POST", RawHttp.PATH)).isEmpty();
    }
  }

  @Test
  void theAdminApiAnswersExpectContinueToo() throws Exception {
    String fault = "{\"kind\":\"throttled\"}";
    try (Socket socket = RawHttp.connect(port)) {
      RawHttp.write(socket, "POST /_csbs/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Expect: 100-continue\r\nContent-Length: " + fault.length() + "\r\n\r\n");
      byte[] interim = socket.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
      assertThat(new String(interim, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
      RawHttp.write(socket, fault);
      assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(201);
    } finally {
      server.faults().clear();
    }
  }



  /** True when the server closed the connection (EOF or reset) and sent nothing after the answer. */
  static boolean closedWithNothingMore(Socket socket) throws IOException {
    socket.setSoTimeout((int) Await.LIMIT.toMillis());
    return endOfStream(socket.getInputStream());
  }

  /**
   * The 408 and its words say which limit cut the head off (the idle timeout closes without
   * answering); the time only says it was not before the header timeout. No upper bound: a slow
   * machine may take longer to get there, and the socket's read timeout stops a hang.
   */
  private static void assertCutOffByTheHeaderTimeout(Socket socket, long started) throws IOException {
    RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(answer.status()).isEqualTo(408);
    assertThat(answer.body()).contains("the request line and headers did not arrive in time");
    assertThat(answer.problems("POST", RawHttp.PATH)).isEmpty();
    assertThat(took).as("not before the 1 s header timeout").isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(closedWithNothingMore(socket)).isTrue();
  }

  private static boolean endOfStream(InputStream in) throws IOException {
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (SocketException reset) {
      return true;
    }
  }

  /** An answer arrived (any status) and then the connection closed. */
  private static boolean answerThenClosed(Socket socket) throws IOException {
    socket.setSoTimeout((int) Await.LIMIT.toMillis());
    try {
      RawHttp.read(socket.getInputStream());
    } catch (IOException noAnswer) {
      return false;
    }
    return closedWithNothingMore(socket);
  }

  /**
   * Malformed UTF-8 inside an ID: an overlong '8' (C0 B8) would be read as '8' by a lenient
   * decoder and name a real server; each is refused 400 as not UTF-8, never answered 200.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"overlong 2 bytes, C0B8", "overlong 3 bytes, E080B8", "lone continuation, 80", "cut sequence, E282",
      "surrogate, EDA080", "beyond U+10FFFF, F4908080", "never UTF-8, FF"})
  void malformedUtf8InsideAnIdIsRefused(String what, String hex) throws Exception {
    byte[] bad = java.util.HexFormat.of().parseHex(hex);
    String[] around = BODY.split("5aa119a", 2);
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.write((around[0] + "5aa119a").getBytes(StandardCharsets.US_ASCII));
    body.write(bad);
    body.write(around[1].substring(1).getBytes(StandardCharsets.US_ASCII));
    byte[] head = (HEAD + "Content-Length: " + body.size() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
    request.write(head);
    request.write(body.toByteArray());

    RawHttp.Answer answer = RawHttp.exchange(port, request.toByteArray());
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("\"error_code\":\"CSBS.9001\"", "UTF-8");
    assertThat(answer.problems("POST", RawHttp.PATH)).isEmpty();
  }

  /** The body timeout is a deadline for the whole body: a steady trickle does not extend it. */
  @Test
  void aBodySentSteadilyButTooSlowlyIsCutAtTheBodyTimeout() throws Exception {
    try (Socket slow = RawHttp.connect(port)) {
      RawHttp.write(slow, HEAD + "Content-Length: 400\r\n\r\n");
      java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
      java.util.concurrent.Future<RawHttp.Answer> answer = reader.submit(() -> RawHttp.read(slow.getInputStream()));
      int sent = 0;
      try {
        // 8 bytes every 100 ms: never stalled for long, 5 s for the whole body. The pace is the
        // client's behaviour under test, not a wait for the server.
        while (sent < 400 && !answer.isDone()) {
          RawHttp.write(slow, "        ");
          sent += 8;
          Thread.sleep(100);
        }
      } catch (java.io.IOException closedByTheServer) {
        // the answer came and the connection closed
      }
      RawHttp.Answer cut = answer.get(Await.LIMIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      reader.shutdown();
      assertThat(cut.status()).isEqualTo(400);
      assertThat(cut.body()).contains("body: could not be read to its end");
      // The deadline, not a timer reset by each piece: the answer came while the body was still
      // being sent (a whole body of spaces would be refused with other words).
      assertThat(sent).as("bytes sent before the answer").isLessThan(400);
    }
  }
}
