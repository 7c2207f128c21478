package io.github.csbscontract.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sends a case's request over HTTP and compares the answer with the case's. */
public final class HttpCaseRunner {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  /**
   * Java's default: it offers an upgrade to HTTP/2 ({@code Upgrade: h2c}) on every request over
   * {@code http}, body included; a server that neither declines nor accepts it hangs.
   */
  private final HttpClient offeringH2c = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_2)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  /** What the server answered. */
  public record Answer(int status, String contentType, String body) {}

  public Answer send(ContractCase c, ContractCase.Target target) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(target.baseUrl()) + c.path(target)))
        .timeout(Duration.ofSeconds(30));
    c.headers(target).forEach(request::header);
    String body = c.bodyText(MAPPER);
    HttpRequest.BodyPublisher publisher;
    if (body == null) {
      publisher = HttpRequest.BodyPublishers.noBody();
    } else if (c.chunked()) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      // An input stream has no known length, so the client sends it chunked.
      publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    } else {
      publisher = HttpRequest.BodyPublishers.ofString(body);
    }
    HttpResponse<String> response = (c.offersH2c() ? offeringH2c : http).send(request.method(c.method(), publisher).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(null), response.body());
  }

  /**
   * Differences between the answer and the case. With {@code exactMessages} false (a foreign
   * server), error answers are compared by status and {@code error_code} only.
   */
  public static List<String> differences(ContractCase c, Answer answer, boolean exactMessages) {
    List<String> differences = new ArrayList<>();
    if (answer.status() != c.status()) {
      differences.add("status: expected " + c.status() + ", was " + answer.status());
    }
    if (answer.contentType() == null || !answer.contentType().startsWith("application/json")) {
      differences.add("Content-Type: expected application/json, was " + answer.contentType());
    }
    JsonNode actual;
    try {
      actual = MAPPER.readTree(answer.body());
    } catch (IOException e) {
      differences.add("body: not JSON: " + snippet(answer.body()));
      return differences;
    }
    JsonNode expected = c.responseBody();
    if (!exactMessages && expected.has("error_code")) {
      if (!expected.get("error_code").equals(actual.get("error_code"))) {
        differences.add("$.error_code: expected " + expected.get("error_code") + ", was " + actual.get("error_code"));
      }
    } else {
      differences.addAll(JsonMatch.differences(expected, actual));
    }
    return differences;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  static String snippet(String body) {
    if (body == null) {
      return "(none)";
    }
    return body.length() <= 200 ? body : body.substring(0, 200) + "...";
  }
}
