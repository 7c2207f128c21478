package example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.csbscontract.server.control.Fault;
import io.github.csbscontract.testing.CsbsStandIn;
import io.github.csbscontract.testing.StandIn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's example against {@code @CsbsStandIn}, in a project with no build parent. */
@CsbsStandIn
class StandInTest {

  @Test
  void theReadmeExamplePrintsRestorable(StandIn csbs) {
    assertEquals("restorable", printed(csbs));
    assertEquals(1, csbs.recorded().size());
  }

  @Test
  void aServiceUnavailableIsPrintedAsSuch(StandIn csbs) {
    csbs.faults().add(Fault.serviceUnavailable());
    assertEquals("HTTP 503 CSBS.0503", printed(csbs).replaceAll(":.*", ""));
  }

  private static String printed(StandIn csbs) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      RestoreCheck.printRestorability(csbs.baseUrl(), csbs::token);
    } finally {
      System.setOut(stdout);
    }
    return printed.toString(StandardCharsets.UTF_8).strip();
  }
}
