package io.github.csbscontract.server.control;

import io.github.csbscontract.service.ServiceMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.csbscontract.core.Contract;
import io.github.csbscontract.server.wire.Body;
import io.github.csbscontract.server.wire.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Records one request on the operation's path into the {@link RequestLog} once it is answered
 * (or its connection closed unanswered), with the token's value replaced. Only when recording
 * is on: it costs a copy of the headers and a second parse of the body.
 */
final class Recording {

  private static final int MAX_TEXT = 64 * 1024;

  private final Exchange request;
  private final RequestLog log;
  /** The log's epoch when the request arrived: a clear since then drops it. */
  private final long arrivedIn;
  private Body body;
  private boolean recorded;

  private Recording(Exchange request, RequestLog log) {
    this.request = request;
    this.log = log;
    this.arrivedIn = log.epoch();
  }

  /** Starts recording {@code request}, or returns null when the log is off. */
  static Recording of(Exchange request, RequestLog log) {
    if (!log.enabled()) {
      return null;
    }
    Recording recording = new Recording(request, log);
    // Recorded as the status line goes out, not after: a test that reads the log as soon as its
    // client has the answer (or a cut-short one) must find the request there.
    request.onHead(recording::record);
    request.onClose(() -> recording.record(0));
    return recording;
  }

  /** Records the request as unanswered, before a fault closes its connection without a status line. */
  void unanswered() {
    record(0);
  }

  void body(Body body) {
    this.body = body;
  }

  private void record(int status) {
    if (recorded) {
      return;
    }
    recorded = true;
    Map<String, List<String>> headers = new LinkedHashMap<>();
    request.headers().forEach(header -> {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      String value = name.equalsIgnoreCase(Contract.TOKEN_HEADER) ? RecordedRequest.REDACTED : header.getValue();
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    });
    String text = body == null ? null
        : new String(body.bytes(), 0, Math.min(body.length(), MAX_TEXT), StandardCharsets.UTF_8);
    log.add(new RecordedRequest(request.method().name(), request.uri(), headers, json(), text, status), arrivedIn);
  }

  private JsonNode json() {
    // A parsed tree takes several times its text: large bodies are kept as their first 64 KiB of
    // text only, so that a recording server under load holds bounded memory.
    if (body == null || body.length() > MAX_TEXT) {
      return null;
    }
    try {
      return ServiceMapper.mapper().readTree(body.bytes(), 0, body.length());
    } catch (java.io.IOException notJson) {
      return null;
    }
  }
}
