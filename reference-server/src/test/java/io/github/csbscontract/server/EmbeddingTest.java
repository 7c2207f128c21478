package io.github.csbscontract.server;

import io.github.csbscontract.core.Contract;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as users embed it in their own tests: their catalog, their limits, a free port. */
class EmbeddingTest {

  private static final String PROJECT = "ffffffffffffffffffffffffffffffff";

  @TempDir
  Path dir;

  @Test
  void anEmbeddedServerAnswersFromItsOwnCatalogWithItsOwnBodyLimit() throws Exception {
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(catalog, """
        {"projects": [{"id": "%s", "name": "mine", "tokens": ["my-own-token-1"]}],
         "servers": [{"id": "5aa119a8-d25b-45a7-8d1b-88e127885635", "project_id": "%s", "name": "web", "status": "ACTIVE",
                      "type": "OS::Nova::Server", "availability_zone": "az-1",
                      "volumes": [{"id": "45baf976-c20a-4894-a7c3-c94b7376bf55", "size_gb": 40, "bootable": true, "shareable": false}]}],
         "backups": []}
        """.formatted(PROJECT, PROJECT));
    String body = "{\"check_protectable\":[{\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\",\"resource_type\":\"OS::Nova::Server\"}]}";

    try (ReferenceServer server = ReferenceServer.start(ServerOptions.forTests().withCatalog(catalog).withMaxBodyBytes(2048))) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI action = server.baseUri().resolve("v1/" + PROJECT + "/providers/" + Contract.CSBS_PROVIDER_ID + "/resources/action");

      HttpResponse<String> answer = http.send(post(action, body), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.body()).isEqualTo("{\"protectable\":[{\"result\":true,\"resource_type\":\"OS::Nova::Server\","
          + "\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\"}]}");

      HttpResponse<String> tooLarge = http.send(post(action, body + " ".repeat(2048)), HttpResponse.BodyHandlers.ofString());
      assertThat(tooLarge.statusCode()).isEqualTo(413);
    }
  }

  private static HttpRequest post(URI uri, String body) {
    return HttpRequest.newBuilder(uri).header("X-Auth-Token", "my-own-token-1").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }
}
