package io.github.csbscontract.client;

import static io.github.csbscontract.client.Wire.PATH;
import static io.github.csbscontract.client.Wire.PROJECT;
import static io.github.csbscontract.client.Wire.TOKEN;
import static io.github.csbscontract.client.Wire.body;
import static io.github.csbscontract.client.Wire.client;
import static io.github.csbscontract.client.Wire.seedItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server that misbehaves on purpose, byte by byte. Run in a 64 MiB heap (client/pom.xml, the
 * "hostile" surefire execution): every answer here must end in a documented exception without
 * the client buffering what the server chose to send.
 */
class HostileServerTest {

  private static final String GOOD = body("seed-restorable-response.json");
  /** Larger than the whole heap these tests run in. */
  private static final long HUGE = 500L * 1024 * 1024;

  // 1. Error bodies are bounded before they are buffered.

  @ParameterizedTest
  @ValueSource(ints = {401, 503})
  void anErrorAnswerWithA500MegabyteBodyIsCutOff(int status) throws Exception {
    try (HostileServer server = new HostileServer(exchange -> {
      exchange.write("HTTP/1.1 " + status + " No\r\nContent-Type: application/json\r\nContent-Length: " + HUGE + "\r\n\r\n");
      writeFor(exchange, HUGE);
    }); CsbsClient client = client(server).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOfSatisfying(CsbsUnreadableResponseException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains("body larger than 65536 bytes");
          });
    }
  }

  @Test
  void anErrorAnswerWithA500MegabyteBodyFailsTheFutureToo() throws Exception {
    try (HostileServer server = new HostileServer(exchange -> {
      exchange.write("HTTP/1.1 401 No\r\nContent-Type: application/json\r\nContent-Length: " + HUGE + "\r\n\r\n");
      writeFor(exchange, HUGE);
    }); CsbsClient client = client(server).build()) {
      CompletableFuture<List<CheckResult>> future = client.checkRestorable(seedItem()).enqueue();
      assertThatThrownBy(() -> future.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(CsbsUnreadableResponseException.class);
    }
  }

  @Test
  void aGzipBombed401IsCutOffAfterInflating64KiB() throws Exception {
    byte[] bomb = gzippedZeros(200L * 1024 * 1024);
    try (HostileServer server = new HostileServer(exchange -> {
      exchange.write("HTTP/1.1 401 No\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: "
          + bomb.length + "\r\n\r\n");
      exchange.write(bomb);
    }); CsbsClient client = client(server).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOfSatisfying(CsbsUnreadableResponseException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
  }

  @Test
  void anEndlessChunked401IsCutOff() throws Exception {
    byte[] chunk = ("4000\r\n" + "x".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    try (HostileServer server = new HostileServer(exchange -> {
      exchange.write("HTTP/1.1 401 No\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      while (true) {
        exchange.write(chunk);
      }
    }); CsbsClient client = client(server).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOfSatisfying(CsbsUnreadableResponseException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
  }

  // 2. Redirects are not followed, and the token stays with the API's host.

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectToAnotherHostIsNotFollowed(int status) throws Exception {
    try (HostileServer elsewhere = new HostileServer(exchange -> exchange.answer(200, GOOD));
        HostileServer server = new HostileServer(exchange -> exchange.write("HTTP/1.1 " + status + " Moved\r\nLocation: http://localhost:"
            + elsewhere.port() + PATH + "\r\nContent-Length: 0\r\n\r\n"));
        CsbsClient client = client(server).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOfSatisfying(CsbsHttpException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains("redirect", "http://localhost:" + elsewhere.port() + PATH);
            assertThat(e.isRetryable()).isFalse();
          });
      assertThat(elsewhere.requests()).as("requests that reached the other host").isEmpty();
      assertThat(server.requests()).hasSize(1);
    }
  }

  // 3. A default deadline for the whole call, and a per-call one that frees the slot.

  @Test
  void aServerThatTricklesItsHeadersIsCutOffByTheDefaultDeadline() throws Exception {
    // A byte every 50 ms: no read waits long enough for the read timeout.
    try (HostileServer server = new HostileServer(HostileServer::trickleForever);
        CsbsClient client = client(server)
            .okHttpClient(new OkHttpClient.Builder().connectTimeout(Duration.ofMillis(200)).readTimeout(Duration.ofMillis(500)).build())
            .retryPolicy(RetryPolicy.builder().maxAttempts(2).maxTotalTime(Duration.ofMillis(300)).build())
            .build()) {
      Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> catchThrowable(() -> client.checkRestorable(seedItem()).execute()));
      // The default: the policy's total time and one more attempt's connect and read timeouts.
      assertThat(thrown).isInstanceOf(CsbsTimeoutException.class).hasMessageContaining("call timeout (1 s)");
    }
  }

  @Test
  void theDefaultDeadlineIsThirtySeconds() {
    try (CsbsClient client = CsbsClient.builder().baseUrl("http://127.0.0.1:9").projectId(PROJECT).token(TOKEN).build()) {
      assertThat(client.defaultCallTimeout()).isEqualTo(Duration.ofSeconds(30));
    }
  }

  @Test
  void aSynchronousCallWithATimeoutOfItsOwnIsCutOffByIt() throws Exception {
    try (HostileServer server = new HostileServer(HostileServer::trickleForever);
        CsbsClient client = client(server).build()) {
      Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> catchThrowable(() -> client.checkRestorable(seedItem()).callTimeout(Duration.ofMillis(300)).execute()));
      assertThat(thrown).isInstanceOf(CsbsTimeoutException.class).hasMessageContaining("call timeout (300 ms)");
    }
  }

  @Test
  void anAsynchronousCallWithATimeoutOfItsOwnIsCutOffByItAndFreesItsSlot() throws Exception {
    try (HostileServer server = new HostileServer(firstTricklesForever(new CountDownLatch(1))); CsbsClient client = client(server).maxConcurrentRequests(1).build()) {
      CompletableFuture<List<CheckResult>> slow = client.checkRestorable(seedItem()).callTimeout(Duration.ofMillis(300)).enqueue();
      CompletableFuture<List<CheckResult>> next = client.checkRestorable(seedItem()).enqueue();
      assertThatThrownBy(() -> slow.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(CsbsTimeoutException.class)
          .hasMessageContaining("call timeout (300 ms)");
      // The only slot was the slow call's: the next one waited for it, and now gets it.
      assertThat(next.get(20, TimeUnit.SECONDS)).hasSize(1);
    }
  }

  @Test
  void aFutureThatTimesOutCancelsItsCallAndFreesItsSlot() throws Exception {
    CountDownLatch trickling = new CountDownLatch(1);
    try (HostileServer server = new HostileServer(firstTricklesForever(trickling)); CsbsClient client = client(server).maxConcurrentRequests(1).build()) {
      CompletableFuture<List<CheckResult>> slow = client.checkRestorable(seedItem()).enqueue();
      assertThat(trickling.await(20, TimeUnit.SECONDS)).isTrue();
      slow.orTimeout(300, TimeUnit.MILLISECONDS);
      assertThatThrownBy(() -> slow.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);

      // The only slot is free again: the next call does not wait for the trickling one.
      assertThat(client.checkRestorable(seedItem()).enqueue().get(20, TimeUnit.SECONDS)).hasSize(1);
    }
  }

  @Test
  void aCancelledFutureFreesItsSlot() throws Exception {
    CountDownLatch trickling = new CountDownLatch(1);
    try (HostileServer server = new HostileServer(firstTricklesForever(trickling)); CsbsClient client = client(server).maxConcurrentRequests(1).build()) {
      CompletableFuture<List<CheckResult>> slow = client.checkRestorable(seedItem()).enqueue();
      CompletableFuture<List<CheckResult>> next = client.checkRestorable(seedItem()).enqueue();
      assertThat(trickling.await(20, TimeUnit.SECONDS)).isTrue();
      slow.cancel(true);

      assertThat(next.get(20, TimeUnit.SECONDS)).hasSize(1);
    }
  }

  // 4. and 5. Shapes the spec does not allow, and more results than items sent.

  @ParameterizedTest
  @ValueSource(strings = {"{\"restorable\":[null]}", "{\"restorable\":[{}]}", "{\"restorable\":[{\"result\":\"true\"}]}",
      "{\"restorable\":[{\"result\":1}]}", "{\"restorable\":[{\"result\":true,\"error_code\":7}]}"})
  void aShapeTheSpecDoesNotAllowIsUnreadable(String answer) throws Exception {
    try (HostileServer server = new HostileServer(exchange -> exchange.answer(200, answer));
        CsbsClient client = client(server).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute()).isInstanceOf(CsbsUnreadableResponseException.class);
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).enqueue().get(20, TimeUnit.SECONDS))
          .hasCauseInstanceOf(CsbsUnreadableResponseException.class);
    }
  }

  @Test
  void fourMegabytesOfEmptyResultsAreRefusedBeforeTheyAreBuilt() throws Exception {
    String answer = "{\"restorable\":[" + "{},".repeat((4 * 1024 * 1024 - 40) / 3) + "{}]}";
    try (HostileServer server = new HostileServer(exchange -> exchange.answer(200, answer));
        CsbsClient client = client(server).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOfSatisfying(CsbsUnreadableResponseException.class,
              e -> assertThat(e.getMessage()).contains("more than 1 results for 1 items"));
    }
  }

  // 6. Server text reaches messages only escaped.

  @Test
  void controlCharactersFromAnErrorBodyAreEscapedInTheMessage() throws Exception {
    String code = "APIG.0301\u001b[2J\u001b[31m";
    String msg = "token expired\r\n2026-12-06 INFO all good\u202egnp.exe\u0085\u0007";
    String requestId = "req\u0000\u2028id";
    String json = "{\"error_code\":\"" + jsonEscape(code) + "\",\"error_msg\":\"" + jsonEscape(msg)
        + "\",\"request_id\":\"" + jsonEscape(requestId) + "\"}";
    try (HostileServer server = new HostileServer(exchange -> exchange.answer(401, json));
        CsbsClient client = client(server).build()) {
      Throwable thrown = catchThrowable(() -> client.checkRestorable(seedItem()).execute());

      assertThat(thrown).isInstanceOfSatisfying(CsbsAuthenticationException.class, e -> {
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.errorMsg()).isEqualTo(msg);
        assertThat(e.requestId()).contains(requestId);
        assertThat(e.getMessage()).contains("APIG.0301\\u001B[2J", "token expired\\r\\n2026", "\\u202Egnp");
      });
      assertPrintable(thrown);
    }
  }

  @Test
  void controlCharactersInABodySnippetAreEscapedInTheMessage() throws Exception {
    try (HostileServer server = new HostileServer(exchange -> exchange.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        + "Content-Length: 27\r\n\r\n<h1>\u001b]0;pwned\u0007\u009b31m</h1>\u202e!!").getBytes(StandardCharsets.UTF_8)));
        CsbsClient client = client(server).build()) {
      Throwable thrown = catchThrowable(() -> client.checkRestorable(seedItem()).execute());

      assertThat(thrown).isInstanceOf(CsbsUnreadableResponseException.class);
      assertPrintable(thrown);
    }
  }

  @Test
  void controlCharactersInAStatusLineOrLocationAreEscaped() throws Exception {
    try (HostileServer garbled = new HostileServer(exchange -> exchange.write("HTTP/1.1 2\u001b[31m00 OK\r\n\r\n"));
        HostileServer redirect = new HostileServer(exchange -> exchange.write("HTTP/1.1 302 Found\r\nLocation: http://x\u001b[31m.example/\u0085\r\n"
            + "Content-Length: 0\r\n\r\n"));
        CsbsClient first = client(garbled).build();
        CsbsClient second = client(redirect).build()) {
      Throwable broken = catchThrowable(() -> first.checkRestorable(seedItem()).execute());
      Throwable moved = catchThrowable(() -> second.checkRestorable(seedItem()).execute());

      assertThat(broken).isInstanceOf(CsbsTransportException.class);
      assertPrintable(broken);
      assertThat(moved).isInstanceOf(CsbsHttpException.class).hasMessageContaining("x\\u001B[31m.example");
      assertPrintable(moved);
    }
  }

  // 7. A 101 answer breaks the exchange, and its connection is not reused.

  @Test
  void aResultSmuggledBehindA101NeverReachesTheNextCall() throws Exception {
    String smuggled = "{\"restorable\":[{\"result\":true,\"resource_id\":\"SMUGGLED\"}]}";
    try (HostileServer server = new HostileServer(exchange -> {
      if (exchange.request().connection() == 1) {
        exchange.write("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n"
            + "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + smuggled.length() + "\r\n\r\n" + smuggled);
      } else {
        exchange.answer(200, GOOD);
      }
    }); CsbsClient client = client(server).build()) {
      assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute())
          .isInstanceOf(CsbsTransportException.class).hasMessageContaining("101");

      List<CheckResult> next = client.checkRestorable(seedItem()).execute();

      assertThat(next).extracting(CheckResult::resourceId).containsExactly("6507cb66-90dc-4a12-a573-c9f3398f899d");
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  /** Writes {@code bytes} bytes of body, or until the client hangs up. */
  private static void writeFor(HostileServer.Exchange exchange, long bytes) throws IOException {
    byte[] block = new byte[64 * 1024];
    Arrays.fill(block, (byte) 'a');
    for (long written = 0; written < bytes; written += block.length) {
      exchange.write(block);
    }
  }

  /** The first request's answer trickles forever (counting {@code trickling} down as it starts); the rest are answered. */
  private static HostileServer.Script firstTricklesForever(CountDownLatch trickling) {
    AtomicInteger requests = new AtomicInteger();
    return exchange -> {
      if (requests.incrementAndGet() == 1) {
        trickling.countDown();
        HostileServer.trickleForever(exchange);
      }
      exchange.answer(200, GOOD);
    };
  }

  private static byte[] gzippedZeros(long size) {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      byte[] zeros = new byte[1024 * 1024];
      for (long written = 0; written < size; written += zeros.length) {
        gzip.write(zeros);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return compressed.toByteArray();
  }

  private static String jsonEscape(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      escaped.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return escaped.toString();
  }

  /** No control, format (bidi) or separator character in the message of the exception or of any cause. */
  private static void assertPrintable(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      // C0, DEL, C1, the bidi controls and the line and paragraph separators.
      assertThat(message).doesNotContainPattern("[\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029]");
    }
  }
}
