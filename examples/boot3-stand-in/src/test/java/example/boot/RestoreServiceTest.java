package example.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.server.control.Fault;
import io.github.csbscontract.testing.CsbsStandIn;
import io.github.csbscontract.testing.StandIn;
import org.junit.jupiter.api.Test;

/**
 * The service against the stand-in, in a Boot 3.5 build whose dependency management is Boot's
 * (Netty 4.1 among it). The stand-in starts before the Spring context, so the context is built
 * per test here from its address.
 */
@CsbsStandIn
class RestoreServiceTest {

  static final String BACKUP = "8986ce68-3da7-4d29-9cc2-1921e9504975";
  static final String SERVER = "5aa119a8-d25b-45a7-8d1b-88e127885635";
  static final String DISK_BACKUP = "7ea119a8-d25b-43a7-8d1b-88e12788513a";
  static final String DISK = "45baf976-c20a-4894-a7c3-c94b7376bf55";

  @Test
  void aBackupThatFitsIsReady(StandIn csbs) {
    try (var context = Contexts.against(csbs)) {
      assertThat(context.getBean(RestoreService.class).check(BACKUP, SERVER, DISK_BACKUP, DISK)).isEqualTo("ready");
    }
    assertThat(csbs.recorded()).hasSize(1);
    assertThat(csbs.recorded().get(0).action()).isEqualTo("check_restorable");
  }

  @Test
  void aServiceThatStaysUnavailableMeansTryLater(StandIn csbs) {
    csbs.faults().add(Fault.serviceUnavailable());
    try (var context = Contexts.against(csbs)) {
      assertThat(context.getBean(RestoreService.class).check(BACKUP, SERVER, DISK_BACKUP, DISK)).isEqualTo("try later");
    }
  }
}
