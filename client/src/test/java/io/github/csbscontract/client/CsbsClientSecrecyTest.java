package io.github.csbscontract.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.csbscontract.client.Wire.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The token never leaves the X-Auth-Token header: not in logs, messages or toString(). */
class CsbsClientSecrecyTest {

  @RegisterExtension
  static final SpecCheckedWireMock wireMock = new SpecCheckedWireMock();

  private final List<String> logLines = new CopyOnWriteArrayList<>();
  private final Logger root = Logger.getLogger("");
  private Level rootLevel;
  private final Handler capture = new Handler() {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      logLines.add(formatter.format(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void captureEveryLogLine() {
    rootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    Logger.getLogger(CsbsClient.class.getName()).setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    root.addHandler(capture);
  }

  @AfterEach
  void release() {
    root.removeHandler(capture);
    root.setLevel(rootLevel);
  }

  @Test
  void theTokenAppearsInNoLogLineMessageOrToString() {
    wireMock.server.stubFor(action().withMetadata(offSpec()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    CsbsClient.Builder builder = client(wireMock);
    Throwable failure;
    String described;
    try (CsbsClient client = builder.build()) {
      failure = catchThrowable(() -> client.checkRestorable(seedItem()).execute());
      described = client + " " + builder;
    }
    wireMock.server.resetAll();
    wireMock.server.stubFor(action().willReturn(error(401, "APIG.0301", "Incorrect IAM authentication information: decrypt token fail")));
    Throwable unauthorized;
    try (CsbsClient client = client(wireMock).build()) {
      unauthorized = catchThrowable(() -> client.checkRestorable(seedItem()).execute());
    }

    assertThat(logLines).as("the retries were logged").anyMatch(line -> line.contains("retrying POST"));
    assertThat(String.join("\n", logLines)).doesNotContain(TOKEN);
    assertThat(failure).isInstanceOf(CsbsTransportException.class);
    assertThat(stackText(failure)).doesNotContain(TOKEN);
    assertThat(stackText(unauthorized)).doesNotContain(TOKEN);
    assertThat(described).doesNotContain(TOKEN);
  }

  private static String stackText(Throwable t) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = t; cause != null; cause = cause.getCause()) {
      text.append(cause).append('\n');
    }
    return text.toString();
  }
}
