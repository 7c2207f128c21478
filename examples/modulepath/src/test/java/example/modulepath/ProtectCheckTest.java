package example.modulepath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.csbscontract.client.CheckResult;
import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.client.CsbsValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client on the module path: a call over the wire, and a request refused by its validator. */
class ProtectCheckTest {

  private static final String SERVER = "5aa119a8-d25b-45a7-8d1b-88e127885635";

  @Test
  void theTestRunsAsTheApplicationsModuleAndTheClientAsItsOwn() {
    assertEquals("example.modulepath", ProtectCheck.class.getModule().getName());
    assertEquals("io.github.csbscontract.client", CsbsClient.class.getModule().getName());
    assertFalse(CsbsClient.class.getModule().getDescriptor().isAutomatic(), "the client has a real descriptor");
  }

  @Test
  void aCheckOverTheWire() throws Exception {
    String answer = "{\"protectable\":[{\"result\":true,\"resource_id\":\"" + SERVER + "\",\"resource_type\":\"OS::Nova::Server\"}]}";
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Thread serving = new Thread(() -> answerOnce(server, answer));
      serving.start();

      List<CheckResult> results = ProtectCheck.check("http://127.0.0.1:" + server.getLocalPort(), SERVER);

      assertEquals(1, results.size());
      assertTrue(results.get(0).passed());
      serving.join();
    }
  }

  @Test
  void theValidatorWorksOnTheModulePath() {
    // Hibernate Validator reads the client's generated models by reflection: the descriptor opens them.
    CsbsValidationException e = assertThrows(CsbsValidationException.class, () -> ProtectCheck.check("http://127.0.0.1:9", "not-a-uuid"));
    assertTrue(e.violations().get(0).contains("check_protectable[0].resource_id"), e.violations().toString());
  }

  private static void answerOnce(ServerSocket server, String json) {
    try (Socket socket = server.accept()) {
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        head.write(in.read());
      }
      String headers = head.toString(StandardCharsets.ISO_8859_1).toLowerCase();
      int length = Integer.parseInt(headers.replaceAll("(?s).*content-length: *(\\d+).*", "$1"));
      in.readNBytes(length);
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
