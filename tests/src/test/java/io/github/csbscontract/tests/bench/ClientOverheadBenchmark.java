package io.github.csbscontract.tests.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csbscontract.client.CheckResult;
import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.client.RestoreItem;
import io.github.csbscontract.client.model.ResourceActionRequest;
import io.github.csbscontract.client.model.ResourceActionResponse;
import io.github.csbscontract.client.model.RestorableParam;
import io.github.csbscontract.client.model.RestorableTarget;
import io.github.csbscontract.client.model.RestoreVolumeMapping;
import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The client against a raw OkHttp + Jackson call doing the same exchange with the same local
 * reference server: what the facade (validation, retries, typed errors, result mapping) costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientOverheadBenchmark {

  private static final String PROJECT = "0605767ab000d4c12f3bc0033d9d5d06";
  private static final String TOKEN = "demo-token-project-a";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private ReferenceServer server;
  private CsbsClient client;
  private CsbsClient unvalidated;
  private OkHttpClient raw;
  private ObjectMapper mapper;
  private RestoreItem item;
  private String url;

  @Setup
  public void setUp() throws Exception {
    server = ReferenceServer.start(ServerOptions.forTests());
    client = CsbsClient.builder().baseUrl(server.baseUri().toString()).projectId(PROJECT).token(TOKEN).build();
    unvalidated = CsbsClient.builder().baseUrl(server.baseUri().toString()).projectId(PROJECT).token(TOKEN)
        .validateRequests(false).build();
    raw = new OkHttpClient();
    mapper = new ObjectMapper();
    item = RestoreItem.backup("8986ce68-3da7-4d29-9cc2-1921e9504975")
        .ontoServer("5aa119a8-d25b-45a7-8d1b-88e127885635")
        .mapDisk("7ea119a8-d25b-43a7-8d1b-88e12788513a", "45baf976-c20a-4894-a7c3-c94b7376bf55").build();
    url = server.baseUri() + "v1/" + PROJECT + "/providers/" + CsbsClient.CSBS_PROVIDER_ID + "/resources/action";
    mapper.setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
  }

  @TearDown
  public void tearDown() {
    client.close();
    unvalidated.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
    server.close();
  }

  @Benchmark
  public List<CheckResult> client() {
    return client.checkRestorable(item).execute();
  }

  /** The same call with Bean Validation of the request turned off: what validation costs. */
  @Benchmark
  public List<CheckResult> clientWithoutValidation() {
    return unvalidated.checkRestorable(item).execute();
  }

  /**
   * What an application writes without the client: the request built from its item with the
   * generated models and serialized on each call (each call has items of its own), posted, and
   * the answer parsed. No validation, retries, deadline, bounds or typed errors.
   */
  @Benchmark
  public ResourceActionResponse rawOkHttpAndJackson() throws Exception {
    byte[] body = mapper.writeValueAsBytes(new ResourceActionRequest().checkRestorable(List.of(new RestorableParam()
        .checkpointItemId(item.checkpointItemId())
        .target(new RestorableTarget().resourceId(item.serverId()).resourceType(item.serverType())
            .volumes(List.of(new RestoreVolumeMapping().backupId(item.disks().get(0).backupId())
                .volumeId(item.disks().get(0).volumeId())))))));
    Request request = new Request.Builder().url(url).header("X-Auth-Token", TOKEN)
        .post(RequestBody.create(body, JSON)).build();
    try (Response response = raw.newCall(request).execute()) {
      return mapper.readValue(response.body().bytes(), ResourceActionResponse.class);
    }
  }
}
