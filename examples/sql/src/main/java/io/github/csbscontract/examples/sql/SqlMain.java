package io.github.csbscontract.examples.sql;

import io.github.csbscontract.jaxrs.CsbsFeature;
import io.github.csbscontract.service.CapabilityResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The service on Jersey with Grizzly over a SQL database (H2 over JDBC, in file or server mode):
 * {@link CapabilityResource} over {@link SqlInventory}, and {@link CsbsFeature} with the same
 * store as its {@code TokenLookup}. Jersey runs resources on worker threads, so blocking JDBC
 * calls are fine here.
 *
 * <pre>java -jar target/csbs-example-sql.jar [--jdbc-url jdbc:h2:./csbs-data/csbs] [--host 127.0.0.1] [--port 8080]</pre>
 */
public final class SqlMain {

  private SqlMain() {}

  /** The application: what any Jersey container would serve. */
  public static ResourceConfig application(SqlInventory store) {
    return new ResourceConfig()
        .register(new CapabilityResource(store))
        .register(new CsbsFeature(store))
        // The service answers OPTIONS like any other method it does not serve.
        .property(ServerProperties.WADL_FEATURE_DISABLE, true);
  }

  /** Starts serving on this host and port (0: any free one). */
  public static HttpServer start(String host, int port, SqlInventory store) {
    URI base = URI.create("http://" + host + ":" + port + "/");
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(base, application(store), false);
    // Java's HttpClient offers h2c on every request: answer it over HTTP/1.1 instead of hanging.
    server.getListeners().forEach(listener -> listener.registerAddOn(new DeclinedUpgrades()));
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen: " + e.getMessage(), e);
    }
    return server;
  }

  /** The port a started server listens on. */
  public static int port(HttpServer server) {
    return server.getListeners().iterator().next().getPort();
  }

  public static void main(String[] args) throws InterruptedException {
    String jdbcUrl = "jdbc:h2:./csbs-data/csbs";
    String host = "127.0.0.1";
    int port = 8080;
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException(args[args.length - 1] + ": needs a value");
    }
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--jdbc-url" -> jdbcUrl = args[i + 1];
        case "--host" -> host = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException(args[i] + ": unknown option");
      }
    }
    JdbcConnectionPool database = JdbcConnectionPool.create(jdbcUrl, "sa", "");
    SqlInventory.createSchema(database);
    HttpServer server = start(host, port, new SqlInventory(database));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // Requests in flight finish (up to 10 s), then the database closes.
      try {
        server.shutdown(10, TimeUnit.SECONDS).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        System.err.println("shutdown: " + e.getCause());
      }
      database.dispose();
      stopped.countDown();
    }));
    System.out.println("CSBS restore check over " + jdbcUrl + ": http://" + host + ":" + port(server) + "/");
    stopped.await();
  }
}
