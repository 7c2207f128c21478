package io.github.csbscontract.server;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to run the reference server. Each option is a flag or an environment variable; a flag wins.
 *
 * @param host address to bind, 127.0.0.1 unless told otherwise
 * @param port TCP port; 0 picks a free one
 * @param catalog catalog file, or null for the bundled demo catalog
 * @param maxBodyBytes largest request body accepted; larger gets 413
 * @param readTimeout how long a request may stall mid-body before it is answered 400
 */
public record ServerOptions(String host, int port, Path catalog, long maxBodyBytes, Duration readTimeout) {

  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  public static final String USAGE = """
      Usage: java -jar csbs-reference-server.jar [options]

      Runs a local stand-in for the CSBS resources/action API (check_restorable, check_protectable).

      Options (flag, environment variable, default):
        --host HOST            CSBS_HOST            127.0.0.1
        --port PORT            CSBS_PORT            8080   (0: any free port)
        --catalog FILE         CSBS_CATALOG         the bundled demo catalog
        --max-body-bytes N     CSBS_MAX_BODY_BYTES  1048576
        --help                 print this text and exit
      """;

  public ServerOptions {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host: must not be empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: must be 0 to 65535, was " + port);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("max-body-bytes: must be at least 1024, was " + maxBodyBytes);
    }
    if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("readTimeout: must be positive, was " + readTimeout);
    }
    if (catalog != null && !Files.isRegularFile(catalog)) {
      throw new IllegalArgumentException("catalog: no such file: " + catalog);
    }
  }

  /** Loopback, an ephemeral port and the demo catalog: what tests want. */
  public static ServerOptions forTests() {
    return new ServerOptions("127.0.0.1", 0, null, 1024 * 1024, DEFAULT_READ_TIMEOUT);
  }

  public ServerOptions withCatalog(Path file) {
    return new ServerOptions(host, port, file, maxBodyBytes, readTimeout);
  }

  public ServerOptions withMaxBodyBytes(long bytes) {
    return new ServerOptions(host, port, catalog, bytes, readTimeout);
  }

  public ServerOptions withReadTimeout(Duration timeout) {
    return new ServerOptions(host, port, catalog, maxBodyBytes, timeout);
  }

  /** Null when {@code --help} was asked for. */
  static ServerOptions parse(String[] args, Map<String, String> env) {
    String host = env.getOrDefault("CSBS_HOST", "127.0.0.1");
    String port = env.getOrDefault("CSBS_PORT", "8080");
    String catalog = env.get("CSBS_CATALOG");
    String maxBody = env.getOrDefault("CSBS_MAX_BODY_BYTES", "1048576");
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        return null;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + ": needs a value (see --help)");
      }
      String value = args[++i];
      switch (flag) {
        case "--host" -> host = value;
        case "--port" -> port = value;
        case "--catalog" -> catalog = value;
        case "--max-body-bytes" -> maxBody = value;
        default -> throw new IllegalArgumentException(flag + ": unknown option (see --help)");
      }
    }
    return new ServerOptions(host, number("port", port), catalog == null ? null : Path.of(catalog),
        number("max-body-bytes", maxBody), DEFAULT_READ_TIMEOUT);
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": not a number: " + value);
    }
  }
}
