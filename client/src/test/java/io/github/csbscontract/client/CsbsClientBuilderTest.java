package io.github.csbscontract.client;

import static io.github.csbscontract.client.Wire.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class CsbsClientBuilderTest {

  private static CsbsClient.Builder complete() {
    return CsbsClient.builder().baseUrl("http://127.0.0.1:9").projectId(PROJECT).token(TOKEN);
  }

  @Test
  void missingOrMalformedInputsAreNamed() {
    assertThatThrownBy(() -> complete().baseUrl(null).build()).hasMessage("baseUrl == null");
    assertThatThrownBy(() -> complete().baseUrl("ftp://example").build()).hasMessage("baseUrl is not an http or https URL: ftp://example");
    assertThatThrownBy(() -> complete().projectId(null).build()).hasMessage("projectId == null");
    assertThatThrownBy(() -> complete().projectId("PROJECT").build())
        .hasMessage("projectId must be 32 lowercase hexadecimal characters, was PROJECT");
    assertThatThrownBy(() -> complete().token(null).build()).hasMessage("token or tokenSupplier is required");
    assertThatThrownBy(() -> complete().tokenSupplier(() -> "x").build()).hasMessage("set token or tokenSupplier, not both");
    assertThatThrownBy(() -> complete().token(" ").build()).hasMessage("token is blank");
    assertThatThrownBy(() -> complete().callTimeout(Duration.ZERO)).hasMessage("callTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessage("maxAttempts must be 1 to 20, was 0");
  }

  @Test
  void aClientOwningItsHttpClientReleasesThreadsAndConnectionsOnClose() throws Exception {
    CsbsClient client = complete().build();
    OkHttpClient http = httpOf(client);
    client.close();
    assertThat(http.dispatcher().executorService().isShutdown()).isTrue();
    assertThat(http.connectionPool().connectionCount()).isZero();
    assertThatThrownBy(() -> client.checkRestorable(seedItem()).execute()).isInstanceOf(CsbsClientClosedException.class)
        .hasMessage("check_restorable in project " + PROJECT + ": the client is closed");
  }

  @Test
  void aSharedHttpClientIsLeftToItsOwner() throws Exception {
    OkHttpClient shared = new OkHttpClient();
    try {
      complete().okHttpClient(shared).build().close();
      assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
    } finally {
      shared.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void theFluentItemNeedsAServerAndADisk() {
    assertThatThrownBy(() -> RestoreItem.backup("b").build()).hasMessage("ontoServer(...) was not called");
    assertThatThrownBy(() -> RestoreItem.backup("b").ontoServer("s").build())
        .hasMessage("mapDisk(...) was not called: a restore maps every disk backup");
    assertThat(RestoreItem.backup("b").ontoServer("s", RestoreItem.BMS).mapDisk("x", "y").build().serverType())
        .isEqualTo("OS::Ironic::BareMetalServer");
  }

  @Test
  void anItemCannotHoldANullSoNoNullDiskIsEverSent() {
    assertThatThrownBy(() -> RestoreItem.backup("b").ontoServer("s").mapDisk(null, "v")).hasMessage("backupId == null");
    assertThatThrownBy(() -> RestoreItem.backup("b").ontoServer("s").mapDisk("x", null)).hasMessage("volumeId == null");
    assertThatThrownBy(() -> RestoreItem.backup(null)).hasMessage("checkpointItemId == null");
    assertThatThrownBy(() -> ProtectItem.bms(null)).hasMessage("resourceId == null");
    RestoreItem.Builder builder = RestoreItem.backup("b").ontoServer("s").mapDisk("x", "y");
    RestoreItem first = builder.build();
    builder.mapDisk("x2", "y2");
    assertThat(first.disks()).as("an item does not change with its builder").hasSize(1);
    assertThatThrownBy(() -> first.disks().add(new RestoreItem.DiskMapping("a", "b"))).isInstanceOf(UnsupportedOperationException.class);
  }

  private static OkHttpClient httpOf(CsbsClient client) {
    return client.httpClient();
  }
}
