package io.github.csbscontract.examples.jersey;

import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.catalog.DemoCatalog;
import io.github.csbscontract.jaxrs.CsbsFeature;
import io.github.csbscontract.service.CapabilityResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The service on Jersey with Grizzly: {@link CapabilityResource} over the demo catalog, and
 * {@link CsbsFeature} for the gateway's checks and the service's error answers. Nothing else.
 *
 * <pre>java -jar target/csbs-example-jersey.jar [--port 8080]</pre>
 */
public final class JerseyMain {

  private JerseyMain() {}

  /** The application: what any Jersey container would serve. */
  public static ResourceConfig application(Catalog demo) {
    return new ResourceConfig()
        .register(new CapabilityResource(demo))
        .register(new CsbsFeature(demo))
        // The service answers OPTIONS like any other method it does not serve.
        .property(ServerProperties.WADL_FEATURE_DISABLE, true);
  }

  /** Starts serving on 127.0.0.1 at this port (0: any free one). */
  public static HttpServer start(int port) {
    URI base = URI.create("http://127.0.0.1:" + port + "/");
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(base, application(DemoCatalog.load()), false);
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
    int port = args.length == 2 && args[0].equals("--port") ? Integer.parseInt(args[1]) : 8080;
    HttpServer server = start(port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdownNow();
      stopped.countDown();
    }));
    System.out.println("CSBS restore check on Jersey: http://127.0.0.1:" + port(server) + "/");
    stopped.await();
  }
}
