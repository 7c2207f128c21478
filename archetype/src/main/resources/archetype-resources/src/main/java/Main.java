package ${package};

import io.github.csbscontract.jaxrs.CsbsFeature;
import io.github.csbscontract.jaxrs.TokenLookup;
import io.github.csbscontract.rules.Inventory;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Serves the operation on Jersey with Grizzly: {@link RestoreCheckResource} over your data, and
 * {@link CsbsFeature} for the API gateway's checks (token, content type, body size) and the
 * service's error answers.
 *
 * <pre>java -jar target/${artifactId}.jar [--port 8080]</pre>
 */
public final class Main {

  private Main() {}

  /** The application: what any Jersey container would serve. */
  public static ResourceConfig application(Inventory inventory, TokenLookup tokens) {
    return new ResourceConfig()
        .register(new RestoreCheckResource(inventory))
        .register(new CsbsFeature(tokens))
        // The service answers OPTIONS like any other method it does not serve.
        .property(ServerProperties.WADL_FEATURE_DISABLE, true);
  }

  /** Starts serving on this host and port (0: any free one). */
  public static HttpServer start(String host, int port, Inventory inventory, TokenLookup tokens) {
    URI base = URI.create("http://" + host + ":" + port + "/");
    return GrizzlyHttpServerFactory.createHttpServer(base, application(inventory, tokens), true);
  }

  /** The port a started server listens on. */
  public static int port(HttpServer server) {
    return server.getListeners().iterator().next().getPort();
  }

  public static void main(String[] args) throws InterruptedException {
    int port = args.length == 2 && args[0].equals("--port") ? Integer.parseInt(args[1]) : 8080;
    InMemoryInventory data = InMemoryInventory.sample();
    HttpServer server = start("127.0.0.1", port, data, data);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdownNow();
      stopped.countDown();
    }));
    System.out.println("Listening on http://127.0.0.1:" + port(server) + "/");
    stopped.await();
  }
}
