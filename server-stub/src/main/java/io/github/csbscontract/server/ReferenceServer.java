package io.github.csbscontract.server;

import io.github.csbscontract.server.catalog.Catalog;
import io.github.csbscontract.server.catalog.CatalogException;
import io.github.csbscontract.server.catalog.CatalogLoader;
import io.github.csbscontract.server.http.GatewayFilter;
import io.github.csbscontract.server.http.HttpApplication;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * A local stand-in for the CSBS resources/action API: the generated JAX-RS interface,
 * implemented by the documented restore and backup rules over a catalog, on Jersey and Grizzly.
 *
 * <pre>
 * try (ReferenceServer server = ReferenceServer.start(ServerOptions.forTests())) {
 *   URI base = server.baseUri();   // http://127.0.0.1:PORT/
 * }
 * </pre>
 */
public final class ReferenceServer implements AutoCloseable {

  /**
   * Held so that their levels stick: JUL keeps loggers weakly. The server announces itself in
   * one line; the libraries' start-up chatter (and Hibernate Validator's note about the
   * generated models' {@code @Valid} placement, which we do not edit) is not for its users.
   */
  private static final List<Logger> QUIET = List.of(
      quiet("org.glassfish", Level.WARNING),
      quiet("org.hibernate.validator", Level.WARNING),
      quiet("org.hibernate.validator.internal.metadata.aggregated.CascadingMetaDataBuilder", Level.SEVERE));

  private final HttpServer http;
  private final URI baseUri;

  private ReferenceServer(HttpServer http, URI baseUri) {
    this.http = http;
    this.baseUri = baseUri;
  }

  /** Starts on the options' address; throws {@link CatalogException} for a broken catalog. */
  public static ReferenceServer start(ServerOptions options) throws IOException {
    Catalog catalog = options.catalog() == null ? CatalogLoader.demo() : CatalogLoader.load(options.catalog());
    return start(options, catalog);
  }

  public static ReferenceServer start(ServerOptions options, Catalog catalog) throws IOException {
    URI bind = URI.create("http://" + options.host() + ":" + options.port() + "/");
    HttpServer http = GrizzlyHttpServerFactory.createHttpServer(
        bind, new HttpApplication(catalog, options.maxBodyBytes()), false);
    NetworkListener listener = http.getListeners().iterator().next();
    // Headers up to GatewayFilter.MAX_HEADER_BYTES are answered in the service's error format;
    // Grizzly's own limit, past which it answers a bare 400, sits well above that.
    listener.setMaxHttpHeaderSize(4 * GatewayFilter.MAX_HEADER_BYTES);
    // Grizzly answers a GET or DELETE that carries a body with a bare 400; let it through so
    // that the API answers 405 in the service's format.
    http.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
    // A client that stops sending mid-request must not hold a worker for long.
    listener.getTransport().setReadTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    http.start();
    URI actual = URI.create("http://" + options.host() + ":" + listener.getPort() + "/");
    return new ReferenceServer(http, actual);
  }

  private static Logger quiet(String name, Level level) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(level);
    return logger;
  }

  /** {@code http://host:port/}, with the port actually bound. */
  public URI baseUri() {
    return baseUri;
  }

  @Override
  public void close() {
    try {
      http.shutdown(2, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      http.shutdownNow();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT %4$s %3$s: %5$s%6$s%n");
    ServerOptions options;
    try {
      options = ServerOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("csbs-reference-server: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.print(ServerOptions.USAGE);
      return;
    }
    ReferenceServer server;
    try {
      server = start(options);
    } catch (CatalogException e) {
      System.err.println("csbs-reference-server: " + e.getMessage());
      System.exit(1);
      return;
    } catch (IOException e) {
      System.err.println("csbs-reference-server: cannot listen on " + options.host() + ":" + options.port()
          + ": " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      System.out.println("CSBS reference server stopped");
      stopped.countDown();
    }, "shutdown"));
    System.out.println("CSBS reference server listening on " + server.baseUri()
        + " (catalog: " + (options.catalog() == null ? "bundled demo" : options.catalog()) + ")");
    stopped.await();
  }
}
