package io.github.csbscontract.client;

import io.github.csbscontract.core.Contract;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;

/** The seed's example as the client's tests use it, and stubs named after what they answer. */
final class Wire {

  static final String PROJECT = "0605767ab000d4c12f3bc0033d9d5d06";
  static final String TOKEN = "MIIT-secret-iam-token-7f3a9c";
  static final String PATH = "/v1/" + PROJECT + "/providers/" + Contract.CSBS_PROVIDER_ID + "/resources/action";

  private Wire() {}

  static RestoreItem seedItem() {
    return RestoreItem.backup("8986ce68-3da7-4d29-9cc2-1921e9504975")
        .ontoServer("5aa119a8-d25b-45a7-8d1b-88e127885635")
        .mapDisk("7ea119a8-d25b-43a7-8d1b-88e12788513a", "45baf976-c20a-4894-a7c3-c94b7376bf55")
        .build();
  }

  static CsbsClient.Builder client(SpecCheckedWireMock wireMock) {
    return CsbsClient.builder().baseUrl(wireMock.baseUrl()).projectId(PROJECT).token(TOKEN)
        .sleeper((millis, canceled) -> { });
  }

  /** A client of a raw-socket server, without retries: each test plays one exchange. */
  static CsbsClient.Builder client(HostileServer server) {
    return CsbsClient.builder().baseUrl(server.baseUrl()).projectId(PROJECT).token(TOKEN).retryPolicy(RetryPolicy.none());
  }

  /** An OkHttpClient with this read timeout, for the builder: the connection's settings are OkHttp's. */
  static OkHttpClient readTimeout(Duration timeout) {
    return new OkHttpClient.Builder().readTimeout(timeout).build();
  }

  static String body(String name) {
    try (InputStream in = Wire.class.getResourceAsStream("/wire/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MappingBuilder action() {
    return post(urlPathEqualTo(PATH));
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  static ResponseDefinitionBuilder error(int status, String code, String msg) {
    return json(status, "{\"error_code\":\"" + code + "\",\"error_msg\":\"" + msg + "\"}");
  }

  static Map<String, Object> offSpec() {
    return Map.of(SpecCheckedWireMock.OFF_SPEC, true);
  }
}
