package ${package};

import io.github.csbscontract.jaxrs.CsbsFeature;
import io.github.csbscontract.rules.Inventory;
import io.github.csbscontract.service.TokenLookup;
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

/**
 * Serves the operation on Jersey with Grizzly: {@link RestoreCheckResource} over your data,
 * {@link CsbsFeature} for the API gateway's checks (token, content type, body size) and the
 * service's error answers, and {@link Health} at {@code /health}; offers to upgrade to HTTP/2
 * are declined ({@link DeclinedUpgrades}) and answered over HTTP/1.1. On SIGTERM (or Ctrl-C) it stops
 * taking connections and lets requests in flight finish, for up to 10 s (GRACE_SECONDS).
 *
 * <pre>java -jar target/${artifactId}.jar [--host 127.0.0.1] [--port 8080]</pre>
 */
public final class Main {

  /** How long requests in flight may take to finish when the service is stopped. */
  static final int GRACE_SECONDS = 10;

  private Main() {}

  /** The application: what any Jersey container would serve. */
  public static ResourceConfig application(Inventory inventory, TokenLookup tokens) {
    return new ResourceConfig()
        .register(new RestoreCheckResource(inventory))
        .register(new CsbsFeature(tokens))
        .register(Health.class)
        // The service answers OPTIONS like any other method it does not serve.
        .property(ServerProperties.WADL_FEATURE_DISABLE, true);
  }

  /** Starts serving on this host and port (0: any free one). */
  public static HttpServer start(String host, int port, Inventory inventory, TokenLookup tokens) {
    URI base = URI.create("http://" + host + ":" + port + "/");
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(base, application(inventory, tokens), false);
    return started(server);
  }

  /** Starts the server with {@link DeclinedUpgrades} on every listener. */
  static HttpServer started(HttpServer server) {
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

  /** Stops taking connections and waits for the requests in flight, up to the grace period. */
  public static void stop(HttpServer server) {
    try {
      server.shutdown(GRACE_SECONDS, TimeUnit.SECONDS).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shutdownNow();
    } catch (ExecutionException e) {
      server.shutdownNow();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    String host = "127.0.0.1";
    int port = 8080;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 == args.length) {
        usage(option + ": needs a value");
      }
      switch (option) {
        case "--host" -> host = args[++i];
        case "--port" -> port = parsePort(args[++i]);
        default -> usage(option + ": unknown option");
      }
    }
    InMemoryInventory data = InMemoryInventory.sample();
    HttpServer server = start(host, port, data, data);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop(server);
      stopped.countDown();
    }));
    System.out.println("Listening on http://" + host + ":" + port(server) + "/");
    stopped.await();
  }

  private static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException notANumber) {
      // worded below
    }
    usage("--port: must be a number from 0 to 65535, was " + value);
    return -1;
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("Usage: java -jar ${artifactId}.jar [--host 127.0.0.1] [--port 8080]");
    System.exit(2);
  }
}
