package io.github.csbscontract.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csbscontract.client.model.ResourceActionRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Hibernate Validator, started as the client starts it, on every generated model: it logs
 * nothing at WARNING or above (it logged HV000271 for each container getter of every model, once
 * per validator; the client made one per build()). Hibernate Validator logs through JBoss
 * Logging, which writes to java.util.logging here (no other backend on the test classpath).
 */
class HibernateValidatorQuietTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aNewValidatorOnEveryModelLogsNoWarning() throws Exception {
    List<String> warnings = new CopyOnWriteArrayList<>();
    Logger hibernate = Logger.getLogger("org.hibernate");
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(record.getLoggerName() + ": " + record.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    hibernate.addHandler(capture);
    try (RequestValidator validator = new RequestValidator()) {
      for (String body : List.of(
          "{\"check_restorable\":[{\"checkpoint_item_id\":\"8986ce68-3da7-4d29-9cc2-1921e9504975\",\"target\":{"
              + "\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\",\"resource_type\":\"OS::Nova::Server\",\"volumes\":"
              + "[{\"backup_id\":\"7ea119a8-d25b-43a7-8d1b-88e12788513a\",\"volume_id\":\"disk-1\"}]}}]}",
          "{\"check_protectable\":[{\"resource_id\":\"x\",\"resource_type\":\"OS::Nova::Server\"}]}")) {
        assertThat(validator.violations(JSON.readValue(body, ResourceActionRequest.class))).isNotEmpty();
      }
    } finally {
      hibernate.removeHandler(capture);
    }
    assertThat(warnings).isEmpty();
  }
}
