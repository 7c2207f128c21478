package io.github.csbscontract.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.csbscontract.spec.SpecContract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * WireMock on 127.0.0.1 and a free port. After each test, every request the client sent and
 * every answer WireMock gave is validated against openapi.yaml; a stub whose metadata says
 * {@code offSpec} (a fault, a hostile answer) is exempt for its answer only.
 */
final class SpecCheckedWireMock implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  static final String OFF_SPEC = "offSpec";
  /** Metadata of a stub that receives requests the client sent with validation turned off. */
  static final String REQUEST_OFF_SPEC = "requestOffSpec";

  final WireMockServer server;

  SpecCheckedWireMock() {
    this(20);
  }

  /** With enough request threads to answer {@code threads} slow calls at once. */
  SpecCheckedWireMock(int threads) {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(threads + 10));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  List<ServeEvent> served() {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    events.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
    return events;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server.resetAll();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<String> problems = new ArrayList<>();
    for (ServeEvent event : server.getAllServeEvents()) {
      var request = event.getRequest();
      Map<String, String> headers = new LinkedHashMap<>();
      for (HttpHeader header : request.getHeaders().all()) {
        headers.put(header.key(), header.firstValue());
      }
      if (!flag(event, REQUEST_OFF_SPEC)) {
        SpecContract.requestProblems(request.getMethod().getName(), request.getUrl(), headers, request.getBodyAsString())
            .forEach(p -> problems.add("request " + request.getUrl() + ": " + p));
      }
      boolean offSpec = flag(event, OFF_SPEC);
      if (!offSpec && event.getResponse() != null && event.getWasMatched()) {
        var response = event.getResponse();
        String contentType = response.getHeaders().getContentTypeHeader().isPresent()
            ? response.getHeaders().getContentTypeHeader().firstValue() : null;
        SpecContract.responseProblems(request.getMethod().getName(), request.getUrl(), response.getStatus(),
                contentType, response.getBodyAsString())
            .forEach(p -> problems.add("response " + response.getStatus() + ": " + p));
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError("exchanges that break openapi.yaml:\n" + String.join("\n", problems));
    }
  }

  private static boolean flag(ServeEvent event, String name) {
    return event.getStubMapping() != null && event.getStubMapping().getMetadata() != null
        && event.getStubMapping().getMetadata().getBoolean(name, false);
  }
}
