package io.github.csbscontract.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The log's memory stays bounded whatever is recorded, so recording cannot take the server down. */
class RequestLogTest {

  @Test
  void smallRequestsAreKeptUpToTheCapacityOldestDroppedFirst() {
    RequestLog log = new RequestLog(true);
    for (int i = 0; i < RequestLog.CAPACITY + 5; i++) {
      log.add(request("/" + i, "{\"check_protectable\":[]}", true));
    }

    assertThat(log.all()).hasSize(RequestLog.CAPACITY);
    assertThat(log.all().get(0).path()).isEqualTo("/5");
  }

  @Test
  void largeBodiesEvictTheOldestSoTheirTotalStaysUnderTheBound() {
    RequestLog log = new RequestLog(true);
    String sixtyKib = "[" + "{},".repeat(20_000) + "{}]";
    for (int i = 0; i < 200; i++) {
      log.add(request("/" + i, sixtyKib, true));
      long held = log.all().stream().mapToLong(RequestLog::heapBytes).sum();
      assertThat(held).isLessThanOrEqualTo(RequestLog.MAX_BODY_HEAP_BYTES);
    }

    List<RecordedRequest> kept = log.all();
    assertThat(kept).hasSizeBetween(2, 20);
    assertThat(kept.get(kept.size() - 1).path()).isEqualTo("/199");
  }

  @Test
  void aParsedBodyWeighsMoreThanTheSameText() {
    String body = "[" + "{},".repeat(1000) + "{}]";
    assertThat(RequestLog.heapBytes(request("/", body, true)))
        .isGreaterThan(10 * RequestLog.heapBytes(request("/", body, false)));
  }

  @Test
  void oneRequestOverTheBoundIsStillKeptSoTheLatestIsAlwaysVisible() {
    RequestLog log = new RequestLog(true);
    log.add(request("/small", "{}", true));
    log.add(request("/huge", "x".repeat((int) (RequestLog.MAX_BODY_HEAP_BYTES / 2) + 1), false));

    assertThat(log.all()).extracting(RecordedRequest::path).containsExactly("/huge");
  }

  @Test
  void clearingForgetsTheWeightToo() {
    RequestLog log = new RequestLog(true);
    String big = "x".repeat((int) (RequestLog.MAX_BODY_HEAP_BYTES / 4));
    log.add(request("/1", big, false));
    log.clear();
    log.add(request("/2", big, false));
    log.add(request("/3", "{}", true));

    assertThat(log.all()).extracting(RecordedRequest::path).containsExactly("/2", "/3");
  }

  @Test
  void aDisabledLogRecordsNothing() {
    RequestLog log = new RequestLog(false);
    log.add(request("/", "{}", true));
    assertThat(log.all()).isEmpty();
  }

  private static RecordedRequest request(String path, String text, boolean parsed) {
    return new RecordedRequest("POST", path, Map.of(), parsed ? JsonNodeFactory.instance.objectNode() : null, text, 200);
  }
}
