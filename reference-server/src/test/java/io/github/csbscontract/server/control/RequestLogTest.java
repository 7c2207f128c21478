package io.github.csbscontract.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The log's weight stays bounded whatever is recorded, so recording cannot take the server down. */
class RequestLogTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void smallRequestsAreKeptUpToTheCapacityOldestDroppedFirst() throws Exception {
    RequestLog log = new RequestLog(true);
    String body = "{\"check_protectable\":[{\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\","
        + "\"resource_type\":\"OS::Nova::Server\"}]}";
    Map<String, List<String>> headers = Map.of("x-auth-token", List.of("<redacted>"), "content-type",
        List.of("application/json"), "host", List.of("127.0.0.1:8080"), "user-agent", List.of("csbs-client/1.0"));
    for (int i = 0; i < RequestLog.CAPACITY + 5; i++) {
      log.add(new RecordedRequest("POST", "/" + i, headers, JSON.readTree(body), body, 200));
    }

    assertThat(log.all()).as("a typical test's requests all fit").hasSize(RequestLog.CAPACITY);
    assertThat(log.all().get(0).path()).isEqualTo("/5");
  }

  @Test
  void largeParsedBodiesEvictTheOldestSoTheWeightStaysUnderTheBound() throws Exception {
    RequestLog log = new RequestLog(true);
    String sixtyKib = "[" + "{},".repeat(20_000) + "{}]";
    JsonNode tree = JSON.readTree(sixtyKib);
    for (int i = 0; i < 200; i++) {
      log.add(new RecordedRequest("POST", "/" + i, Map.of(), tree, sixtyKib, 200));
      if (i % 20 == 0) {
        assertThat(weightOf(log)).isLessThanOrEqualTo(RequestLog.MAX_WEIGHT);
      }
    }

    assertThat(weightOf(log)).isLessThanOrEqualTo(RequestLog.MAX_WEIGHT);
    List<RecordedRequest> kept = log.all();
    assertThat(kept).hasSizeBetween(2, 10);
    assertThat(kept.get(kept.size() - 1).path()).isEqualTo("/199");
  }

  @Test
  void controlCharactersWeighWhatTheyTakeInTheJsonList() {
    String plain = "a".repeat(60_000);
    String controls = "\u0001".repeat(60_000);
    long plainWeight = RequestLog.weight(request("/", Map.of(), plain));
    long controlWeight = RequestLog.weight(request("/", Map.of(), controls));

    // Written as \u0001: six bytes each in the answer, besides the two of heap.
    assertThat(controlWeight - plainWeight).isEqualTo(5L * 60_000);
  }

  @Test
  void headersCountTooSoThousandsOfHeaderLinesCannotPileUp() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("a", Collections.nCopies(8_000, ""));
    RequestLog log = new RequestLog(true);
    for (int i = 0; i < RequestLog.CAPACITY; i++) {
      log.add(request("/" + i, headers, null));
    }

    assertThat(weightOf(log)).isLessThanOrEqualTo(RequestLog.MAX_WEIGHT);
    assertThat(log.all().size()).isLessThan(20);
  }

  @Test
  void oneRequestOverTheBoundIsStillKeptSoTheLatestIsAlwaysVisible() {
    RequestLog log = new RequestLog(true);
    log.add(request("/small", Map.of(), "{}"));
    log.add(request("/huge", Map.of(), "x".repeat((int) (RequestLog.MAX_WEIGHT / 2))));

    assertThat(log.all()).extracting(RecordedRequest::path).containsExactly("/huge");
  }

  @Test
  void clearingForgetsTheWeightToo() {
    RequestLog log = new RequestLog(true);
    String big = "x".repeat((int) (RequestLog.MAX_WEIGHT / 4));
    log.add(request("/1", Map.of(), big));
    log.clear();
    log.add(request("/2", Map.of(), big));
    log.add(request("/3", Map.of(), "{}"));

    assertThat(log.all()).extracting(RecordedRequest::path).containsExactly("/2", "/3");
  }

  @Test
  void aDisabledLogRecordsNothing() {
    RequestLog log = new RequestLog(false);
    log.add(new RecordedRequest("POST", "/", Map.of(), JsonNodeFactory.instance.objectNode(), "{}", 200));
    assertThat(log.all()).isEmpty();
  }

  private static long weightOf(RequestLog log) {
    return log.all().stream().mapToLong(RequestLog::weight).sum();
  }

  private static RecordedRequest request(String path, Map<String, List<String>> headers, String text) {
    return new RecordedRequest("POST", path, headers, null, text, 200);
  }
}
