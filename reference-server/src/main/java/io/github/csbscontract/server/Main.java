package io.github.csbscontract.server;

import io.github.csbscontract.catalog.CatalogException;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * {@code java -jar csbs-reference-server.jar}: starts the server, prints one line, and on SIGTERM
 * or SIGINT stops gracefully (accepted requests are answered within the shutdown grace) and
 * exits 0. Exit 1: cannot start; 2: bad options; 3: out of memory.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
      ReferenceServer.haltOnOutOfMemory(failure);
      failure.printStackTrace();
    });
    // Netty 4.2's default (adaptive) allocator hands chunks between threads through a shared
    // queue that took 8 % of the CPU samples under load; its pooled allocator measured about
    // 15 % more requests/s (BENCHMARKS.md). Set before Netty loads, unless the user chose; only
    // here, as a library must not set global properties when embedded.
    if (System.getProperty("io.netty.allocator.type") == null) {
      System.setProperty("io.netty.allocator.type", "pooled");
    }
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
      server = ReferenceServer.start(options);
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
    CountDownLatch stop = new CountDownLatch(1);
    // A signal handler instead of a shutdown hook: the JVM would otherwise exit 143 on SIGTERM,
    // and a supervisor reads that as a failure although the stop was clean.
    Signal.handle(new Signal("TERM"), signal -> stop.countDown());
    Signal.handle(new Signal("INT"), signal -> stop.countDown());
    System.out.println("CSBS reference server listening on " + server.baseUri()
        + " (catalog: " + (options.catalog() == null ? "bundled demo" : options.catalog()) + ")");
    stop.await();
    server.close();
    System.out.println("CSBS reference server stopped");
    System.exit(0);
  }
}
