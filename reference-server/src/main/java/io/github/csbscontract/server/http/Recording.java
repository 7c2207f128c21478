package io.github.csbscontract.server.http;

import io.github.csbscontract.jaxrs.ServiceJson;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.csbscontract.core.Contract;
import io.github.csbscontract.server.control.RecordedRequest;
import io.github.csbscontract.server.control.RequestLog;
import io.vertx.core.http.HttpServerRequest;
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

  private final HttpServerRequest request;
  private final RequestLog log;
  private BodyReader.Body body;
  private boolean recorded;

  private Recording(HttpServerRequest request, RequestLog log) {
    this.request = request;
    this.log = log;
  }

  /** Starts recording {@code request}, or returns null when the log is off. */
  static Recording of(HttpServerRequest request, RequestLog log) {
    if (!log.enabled()) {
      return null;
    }
    Recording recording = new Recording(request, log);
    // Vert.x calls the end handler for a connection closed mid-answer too: only an ended
    // response was answered.
    request.response().endHandler(end -> recording.record(request.response().ended() ? request.response().getStatusCode() : 0));
    request.response().closeHandler(closed -> recording.record(0));
    return recording;
  }

  void body(BodyReader.Body body) {
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
    log.add(new RecordedRequest(request.method().name(), request.uri(), headers, json(), text, status));
  }

  private JsonNode json() {
    if (body == null) {
      return null;
    }
    try {
      return ServiceJson.mapper().readTree(body.bytes(), 0, body.length());
    } catch (java.io.IOException notJson) {
      return null;
    }
  }
}
