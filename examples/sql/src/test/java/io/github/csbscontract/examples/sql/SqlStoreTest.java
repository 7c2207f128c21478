package io.github.csbscontract.examples.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.catalog.DemoCatalog;
import io.github.csbscontract.jaxrs.CsbsFeature;
import io.github.csbscontract.rules.Backup;
import io.github.csbscontract.rules.Server;
import io.github.csbscontract.service.CapabilityResource;
import io.github.csbscontract.service.TokenLookup;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the service asks of its database, and what it answers when the database is gone. */
class SqlStoreTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
      "executeLargeUpdate", "executeLargeBatch");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicInteger statements = new AtomicInteger();
  private Database database;
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    database = Database.start("store");
    new SqlFixtures(database.pool).load(DemoCatalog.load());
    server = SqlMain.start("127.0.0.1", 0, new SqlInventory(counting(database.pool)));
  }

  @AfterEach
  void stop() {
    server.shutdownNow();
    database.close();
  }

  @Test
  void aHundredItemRequestIsTwoStatementsTheTokenAndEverythingItNames() throws Exception {
    HttpResponse<String> answer = send(hundredItems(DemoCatalog.load()));

    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode results = JSON.readTree(answer.body()).path("restorable");
    assertEquals(100, results.size());
    assertEquals(2, statements.get(), "statements sent to the database");
  }

  @Test
  void aDatabaseThatIsDownIsAnswered503WithRetryAfterNot500() throws Exception {
    database.stop();

    HttpResponse<String> answer = send(hundredItems(DemoCatalog.load()));

    assertEquals(503, answer.statusCode(), answer.body());
    assertEquals("5", answer.headers().firstValue("Retry-After").orElse(null));
    assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals(JSON.readTree("{\"error_code\":\"CSBS.0503\",\"error_msg\":\"Service unavailable.\"}"),
        JSON.readTree(answer.body()));
  }

  @Test
  void aDatabaseThatGoesDownAfterTheTokenCheckIsAnswered503Too() throws Exception {
    // Tokens from elsewhere (an IAM service, say): only the lookup of backups and servers fails.
    TokenLookup tokens = token -> Optional.of(new TokenLookup.TokenScope(DemoCatalog.PROJECT_A, true));
    HttpServer tokensElsewhere = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
        new ResourceConfig().register(new CapabilityResource(new SqlInventory(database.pool)))
            .register(new CsbsFeature(tokens)), true);
    try {
      database.stop();

      HttpResponse<String> answer = send(SqlMain.port(tokensElsewhere), hundredItems(DemoCatalog.load()));

      assertEquals(503, answer.statusCode(), answer.body());
      assertEquals("5", answer.headers().firstValue("Retry-After").orElse(null));
      assertEquals("CSBS.0503", JSON.readTree(answer.body()).path("error_code").asText());
    } finally {
      tokensElsewhere.shutdownNow();
    }
  }

  private HttpResponse<String> send(String body) throws Exception {
    return send(SqlMain.port(server), body);
  }

  private HttpResponse<String> send(int port, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/v1/" + DemoCatalog.PROJECT_A + "/providers/fc4d5750-22e7-4798-8a46-f48f62c4c1da/resources/action"))
        .header("X-Auth-Token", DemoCatalog.TOKEN_A)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    statements.set(0);
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** 100 items over every backup and server of project A, each with one disk mapped. */
  private static String hundredItems(Catalog demo) {
    List<Backup> backups = demo.backups().stream()
        .filter(b -> b.projectId().equals(DemoCatalog.PROJECT_A) && !b.volumeBackups().isEmpty()).toList();
    List<Server> servers = demo.servers().stream()
        .filter(s -> s.projectId().equals(DemoCatalog.PROJECT_A) && !s.volumes().isEmpty()).toList();
    ArrayNode items = JSON.createArrayNode();
    for (int i = 0; i < 100; i++) {
      Backup backup = backups.get(i % backups.size());
      Server target = servers.get(i % servers.size());
      ObjectNode item = items.addObject().put("checkpoint_item_id", backup.id());
      ObjectNode to = item.putObject("target").put("resource_type", target.type()).put("resource_id", target.id());
      to.putArray("volumes").addObject()
          .put("backup_id", backup.volumeBackups().get(0).id())
          .put("volume_id", target.volumes().get(0).id());
    }
    assertTrue(backups.size() > 5, "distinct backups asked for: " + backups.size());
    ObjectNode body = JSON.createObjectNode();
    body.set("check_restorable", items);
    return body.toString();
  }

  /** The pool, counting every statement executed through it (one round trip each). */
  private DataSource counting(DataSource pool) {
    return proxy(DataSource.class, pool);
  }

  @SuppressWarnings("unchecked")
  private <T> T proxy(Class<T> type, T target) {
    InvocationHandler handler = (self, method, args) -> {
      if (EXECUTING.contains(method.getName())) {
        statements.incrementAndGet();
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      Class<?> returned = method.getReturnType();
      if (result != null && (returned == Connection.class || Statement.class.isAssignableFrom(returned))) {
        return proxy((Class<Object>) returned, result);
      }
      return result;
    };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
