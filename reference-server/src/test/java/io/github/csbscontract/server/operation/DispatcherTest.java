package io.github.csbscontract.server.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.csbscontract.core.Contract;
import io.github.csbscontract.service.CapabilityResource;
import io.github.csbscontract.rules.Backup;
import io.github.csbscontract.rules.Inventory;
import io.github.csbscontract.rules.Server;
import io.github.csbscontract.rules.StoreUnavailableException;
import io.github.csbscontract.server.api.ResourcesApi;
import io.github.csbscontract.server.wire.ApiError;
import io.github.csbscontract.server.wire.Body;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the server answers when the inventory behind the rules cannot answer. */
class DispatcherTest {

  private static final String BODY = "{\"check_protectable\":[{\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\","
      + "\"resource_type\":\"OS::Nova::Server\"}]}";

  @Test
  void anUnavailableStoreIs503WithItsRetryAfterNot500() {
    Inventory down = new Inventory() {
      @Override
      public Optional<Backup> backup(String projectId, String checkpointItemId) {
        throw new StoreUnavailableException("database down", null, Duration.ofSeconds(7));
      }

      @Override
      public Optional<Server> server(String projectId, String serverId) {
        throw new StoreUnavailableException("database down", null, Duration.ofSeconds(7));
      }
    };
    Dispatcher dispatcher = new Dispatcher(Operation.of(ResourcesApi.class), Validation.buildDefaultValidatorFactory().getValidator());
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

    ApiError refused = catchThrowableOfType(ApiError.class, () -> dispatcher.dispatch(new CapabilityResource(down),
        new String[] {"0605767ab000d4c12f3bc0033d9d5d06", Contract.CSBS_PROVIDER_ID}, new Body(body, body.length)));

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.errorCode()).isEqualTo("CSBS.0503");
    assertThat(refused.errorMsg()).isEqualTo("Service unavailable.");
    assertThat(refused.retryAfterValue()).isEqualTo("7");
  }
}
