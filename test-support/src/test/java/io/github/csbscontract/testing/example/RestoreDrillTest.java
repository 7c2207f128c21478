package io.github.csbscontract.testing.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.server.control.Fault;
import io.github.csbscontract.server.control.RecordedRequest;
import io.github.csbscontract.testing.CsbsStandIn;
import io.github.csbscontract.testing.StandIn;
import org.junit.jupiter.api.Test;

// README example start
@CsbsStandIn
class RestoreDrillTest {

  static final String SERVER = "5aa119a8-d25b-45a7-8d1b-88e127885635";
  static final String DISK = "45baf976-c20a-4894-a7c3-c94b7376bf55";

  @Test
  void aBackupThatFitsIsReady(CsbsClient csbs, StandIn standIn) {
    RestoreDrill drill = new RestoreDrill(csbs);

    assertThat(drill.check("8986ce68-3da7-4d29-9cc2-1921e9504975", SERVER, "7ea119a8-d25b-43a7-8d1b-88e12788513a", DISK))
        .isEqualTo("ready");

    RecordedRequest sent = standIn.recorded().get(0);
    assertThat(sent.body().at("/check_restorable/0/target/resource_id").asText()).isEqualTo(SERVER);
    assertThat(sent.header("X-Auth-Token")).isEqualTo(RecordedRequest.REDACTED);
  }

  @Test
  void aBackupStillBeingTakenBlocksTheDrill(CsbsClient csbs) {
    RestoreDrill drill = new RestoreDrill(csbs);

    assertThat(drill.check("e14c1d7e-8448-4709-af4d-6ee6dda4dd1e", SERVER, "3e98c4f6-40e1-4c96-9f1c-9935719f9212", DISK))
        .isEqualTo("blocked: CSBS.2003");
  }

  @Test
  void aServiceThatStaysUnavailableMeansTryLater(CsbsClient csbs, StandIn standIn) {
    standIn.faults().add(Fault.serviceUnavailable());
    RestoreDrill drill = new RestoreDrill(csbs);

    assertThat(drill.check("8986ce68-3da7-4d29-9cc2-1921e9504975", SERVER, "7ea119a8-d25b-43a7-8d1b-88e12788513a", DISK))
        .isEqualTo("try later");
    assertThat(standIn.recorded()).as("the client's default retries").hasSize(3);
  }
}
// README example end
