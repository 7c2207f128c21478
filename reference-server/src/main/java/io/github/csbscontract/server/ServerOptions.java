package io.github.csbscontract.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * How to run the reference server. Each option is a flag or an environment variable; a flag wins.
 *
 * @param host address to bind, 127.0.0.1 unless told otherwise
 * @param port TCP port; 0 picks a free one
 * @param catalog catalog file, or null for the bundled demo catalog
 * @param maxBodyBytes largest request body accepted; larger gets 413
 * @param bodyBudgetBytes memory for request bodies held at once across all connections; a request
 *     whose body would pass it gets 503, so many large bodies cannot exhaust the heap (default a
 *     quarter of the heap, at most 32 MiB)
 * @param bodyTimeout how long a request's whole body may take to arrive, from the end of its headers;
 *     a body not complete by then (stalled, or trickled too slowly) is answered 400
 * @param headerTimeout how long a request's line and headers may take from its first byte
 *     (nginx's {@code client_header_timeout}); past it the answer is 408 and the connection closes
 * @param idleTimeout how long a connection may stay silent between requests before it is closed
 *     (it also ends a connection silent mid-request: keep it above the body timeout, so that a
 *     stalled body is answered 400 first)
 * @param shutdownGrace how long a stop waits for accepted requests to be answered
 * @param admin whether the admin API under {@code /_csbs/} is on (faults, recorded requests,
 *     catalog), for tests of other languages; off unless asked, and only for loopback clients
 * @param recording whether requests on the operation's path are recorded ({@code requests()});
 *     on with the admin API
 */
// Long because each option appears four times by nature: the record component, its with-er,
// its line in USAGE and its line in the Option table.
public record ServerOptions(
    String host,
    int port,
    Path catalog,
    long maxBodyBytes,
    long bodyBudgetBytes,
    Duration bodyTimeout,
    Duration headerTimeout,
    Duration idleTimeout,
    Duration shutdownGrace,
    boolean admin,
    boolean recording) {

  /** The command line's help text ({@code --help}). */
  public static final String USAGE = """
      Usage: java -jar csbs-reference-server.jar [options]

      Runs a local stand-in for the CSBS resources/action API (check_restorable, check_protectable).

      Options (flag, environment variable, default):
        --host HOST                CSBS_HOST               127.0.0.1
        --port PORT                CSBS_PORT               8080   (0: any free port)
        --catalog FILE             CSBS_CATALOG            the bundled demo catalog
        --max-body-bytes N         CSBS_MAX_BODY_BYTES     1048576   (larger body: 413)
        --body-budget-bytes N      CSBS_BODY_BUDGET_BYTES  a quarter of the heap, at most 33554432
                                                           (memory for bodies held at once; past it: 503)
        --body-timeout TIME        CSBS_BODY_TIMEOUT       30s   (a body not complete that long after
                                                           the headers, stalled or slow: 400)
        --header-timeout TIME      CSBS_HEADER_TIMEOUT     10s   (request line and headers: 408)
        --idle-timeout TIME        CSBS_IDLE_TIMEOUT       60s   (silent between requests, or not reading: closed)
        --shutdown-grace TIME      CSBS_SHUTDOWN_GRACE     5s    (on SIGTERM, for accepted requests)
        --admin true|false         CSBS_ADMIN              false (the admin API under /_csbs/: faults,
                                                                  recorded requests, catalog; loopback only)
        --help                     print this text and exit

      TIME is a number of seconds, or a number with ms, s or m (500ms, 30s, 2m).
      """;

  private static final ServerOptions DEFAULTS = new ServerOptions("127.0.0.1", 8080, null, 1024 * 1024,
      defaultBodyBudget(), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(5),
      false, false);

  /** A quarter of the heap, at most 32 MiB and at least one body at the default limit. */
  private static long defaultBodyBudget() {
    return Math.max(1024 * 1024, Math.min(32L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 4));
  }

  /** Checks every option; throws {@link IllegalArgumentException} naming the one out of range. */
  public ServerOptions {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host: must not be empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: must be 0 to 65535, was " + port);
    }
    if (maxBodyBytes < 1024 || maxBodyBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("max-body-bytes: must be 1024 to " + (Integer.MAX_VALUE - 8) + ", was " + maxBodyBytes);
    }
    if (bodyBudgetBytes < maxBodyBytes) {
      throw new IllegalArgumentException("body-budget-bytes: must be at least max-body-bytes (" + maxBodyBytes
          + "), was " + bodyBudgetBytes);
    }
    positive("body-timeout", bodyTimeout);
    positive("header-timeout", headerTimeout);
    positive("idle-timeout", idleTimeout);
    if (shutdownGrace == null || shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("shutdown-grace: must not be negative, was " + shutdownGrace);
    }
    if (catalog != null && !Files.isRegularFile(catalog)) {
      throw new IllegalArgumentException("catalog: no such file: " + catalog);
    }
  }

  /** The defaults of the command line: 127.0.0.1:8080, the demo catalog. */
  public static ServerOptions defaults() {
    return DEFAULTS;
  }

  /** Loopback, an ephemeral port and the demo catalog: what tests want. */
  public static ServerOptions forTests() {
    return DEFAULTS.withPort(0);
  }

  /** The address to bind ({@code 127.0.0.1} by default; {@code 0.0.0.0} exposes the server to the network). */
  public ServerOptions withHost(String host) {
    return new ServerOptions(host, port, catalog, maxBodyBytes, bodyBudgetBytes, bodyTimeout, headerTimeout,
        idleTimeout, shutdownGrace, admin, recording);
  }

  /** The TCP port; 0 picks a free one ({@link ReferenceServer#baseUri()} tells which). */
  public ServerOptions withPort(int port) {
    return new ServerOptions(host, port, catalog, maxBodyBytes, bodyBudgetBytes, bodyTimeout, headerTimeout,
        idleTimeout, shutdownGrace, admin, recording);
  }

  /** A catalog file to answer from ({@code catalog.schema.json}); null for the demo catalog. */
  public ServerOptions withCatalog(Path file) {
    return new ServerOptions(host, port, file, maxBodyBytes, bodyBudgetBytes, bodyTimeout, headerTimeout,
        idleTimeout, shutdownGrace, admin, recording);
  }

  /** The largest request body accepted (1024 or more); larger gets 413. Raises the body budget to it if below. */
  public ServerOptions withMaxBodyBytes(long bytes) {
    return new ServerOptions(host, port, catalog, bytes, Math.max(bytes, bodyBudgetBytes), bodyTimeout, headerTimeout,
        idleTimeout, shutdownGrace, admin, recording);
  }

  /** Memory for request bodies held at once, across connections (at least the body limit); past it, 503. */
  public ServerOptions withBodyBudgetBytes(long bytes) {
    return new ServerOptions(host, port, catalog, maxBodyBytes, bytes, bodyTimeout, headerTimeout, idleTimeout,
        shutdownGrace, admin, recording);
  }

  /** How long a request's whole body may take after its headers (a deadline, not a stall timer); past it, 400. */
  public ServerOptions withBodyTimeout(Duration timeout) {
    return new ServerOptions(host, port, catalog, maxBodyBytes, bodyBudgetBytes, timeout, headerTimeout, idleTimeout,
        shutdownGrace, admin, recording);
  }

  /** How long a request's line and headers may take from its first byte; past it, 408. */
  public ServerOptions withHeaderTimeout(Duration timeout) {
    return new ServerOptions(host, port, catalog, maxBodyBytes, bodyBudgetBytes, bodyTimeout, timeout, idleTimeout,
        shutdownGrace, admin, recording);
  }

  /** How long a connection may stay silent (or not read its answers) before it is closed. */
  public ServerOptions withIdleTimeout(Duration timeout) {
    return new ServerOptions(host, port, catalog, maxBodyBytes, bodyBudgetBytes, bodyTimeout, headerTimeout, timeout,
        shutdownGrace, admin, recording);
  }

  /** The admin API on (and with it, recording). */
  public ServerOptions withAdmin(boolean admin) {
    return new ServerOptions(host, port, catalog, maxBodyBytes, bodyBudgetBytes, bodyTimeout, headerTimeout,
        idleTimeout, shutdownGrace, admin, recording || admin);
  }

  /** Whether requests on the operation's path are recorded ({@link ReferenceServer#requests()}); always with the admin API. */
  public ServerOptions withRecording(boolean recording) {
    return new ServerOptions(host, port, catalog, maxBodyBytes, bodyBudgetBytes, bodyTimeout, headerTimeout,
        idleTimeout, shutdownGrace, admin, recording || admin);
  }

  /** How long a stop waits for accepted requests to be answered. */
  public ServerOptions withShutdownGrace(Duration grace) {
    return new ServerOptions(host, port, catalog, maxBodyBytes, bodyBudgetBytes, bodyTimeout, headerTimeout,
        idleTimeout, grace, admin, recording);
  }

  /**
   * These options changed by command-line flags ({@code "--max-body-bytes", "2048"}), as
   * {@link #USAGE} lists them; for settings kept as text (such as the {@code serverOptions} of
   * the JUnit extension's annotation).
   *
   * @throws IllegalArgumentException naming an unknown flag, a missing value or a bad one
   */
  public ServerOptions withFlags(String... flags) {
    ServerOptions options = this;
    for (int i = 0; i < flags.length; i += 2) {
      Option option = Option.of(flags[i]);
      if (option == null) {
        throw new IllegalArgumentException(flags[i] + ": unknown option (see --help)");
      }
      if (i + 1 >= flags.length) {
        throw new IllegalArgumentException(flags[i] + ": needs a value (see --help)");
      }
      options = option.apply(options, flags[i + 1]);
    }
    return options;
  }

  /** The options of a command line and environment; null when {@code --help} was asked for. */
  static ServerOptions parse(String[] args, Map<String, String> env) {
    Map<Option, String> values = new EnumMap<>(Option.class);
    for (Option option : Option.values()) {
      String fromEnv = env.get(option.env);
      if (fromEnv != null) {
        values.put(option, fromEnv);
      }
    }
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        return null;
      }
      Option option = Option.of(flag);
      if (option == null) {
        throw new IllegalArgumentException(flag + ": unknown option (see --help)");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + ": needs a value (see --help)");
      }
      values.put(option, args[++i]);
    }
    // In declaration order, so that the body limit is set before the budget that must hold it.
    ServerOptions options = DEFAULTS;
    for (Map.Entry<Option, String> value : values.entrySet()) {
      options = value.getKey().apply(options, value.getValue());
    }
    return options;
  }

  /** One flag with its environment variable and how its value changes the options. */
  private enum Option {
    HOST("--host", "CSBS_HOST", (o, v) -> o.withHost(v)),
    PORT("--port", "CSBS_PORT", (o, v) -> o.withPort((int) number("port", v))),
    CATALOG("--catalog", "CSBS_CATALOG", (o, v) -> o.withCatalog(Path.of(v))),
    MAX_BODY_BYTES("--max-body-bytes", "CSBS_MAX_BODY_BYTES", (o, v) -> o.withMaxBodyBytes(number("max-body-bytes", v))),
    BODY_BUDGET_BYTES("--body-budget-bytes", "CSBS_BODY_BUDGET_BYTES",
        (o, v) -> o.withBodyBudgetBytes(number("body-budget-bytes", v))),
    BODY_TIMEOUT("--body-timeout", "CSBS_BODY_TIMEOUT", (o, v) -> o.withBodyTimeout(duration("body-timeout", v))),
    HEADER_TIMEOUT("--header-timeout", "CSBS_HEADER_TIMEOUT", (o, v) -> o.withHeaderTimeout(duration("header-timeout", v))),
    IDLE_TIMEOUT("--idle-timeout", "CSBS_IDLE_TIMEOUT", (o, v) -> o.withIdleTimeout(duration("idle-timeout", v))),
    SHUTDOWN_GRACE("--shutdown-grace", "CSBS_SHUTDOWN_GRACE",
        (o, v) -> o.withShutdownGrace(duration("shutdown-grace", v))),
    ADMIN("--admin", "CSBS_ADMIN", (o, v) -> o.withAdmin(bool("admin", v)));

    final String flag;
    final String env;
    private final BiFunction<ServerOptions, String, ServerOptions> apply;

    Option(String flag, String env, BiFunction<ServerOptions, String, ServerOptions> apply) {
      this.flag = flag;
      this.env = env;
      this.apply = apply;
    }

    ServerOptions apply(ServerOptions options, String value) {
      return apply.apply(options, value);
    }

    static Option of(String flag) {
      for (Option option : values()) {
        if (option.flag.equals(flag)) {
          return option;
        }
      }
      return null;
    }
  }

  private static long number(String name, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": not a number: " + value);
    }
  }

  private static boolean bool(String name, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(name + ": true or false, was " + value);
    };
  }

  /** {@code 30}, {@code 30s}, {@code 500ms} or {@code 2m}. */
  static Duration duration(String name, String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      if (text.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
      }
      if (text.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
      }
      return Duration.ofSeconds(Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": not a time (30, 30s, 500ms, 2m): " + value);
    }
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + ": must be positive, was " + value);
    }
  }
}
