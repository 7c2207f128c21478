package io.github.csbscontract.tests;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Loads every case under {@code cases/} on the classpath, from a folder or from the jar. */
public final class ContractCases {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ContractCases() {}

  public static List<ContractCase> all() {
    URL root = ContractCases.class.getClassLoader().getResource("cases");
    if (root == null) {
      throw new IllegalStateException("no cases/ folder on the classpath");
    }
    try {
      URI uri = root.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return read(jar.getPath("cases"));
        }
      }
      return read(Path.of(uri));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<ContractCase> read(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(file -> file.toString().endsWith(".json"))
          .sorted()
          .map(file -> {
            String id = root.relativize(file).toString().replace('\\', '/').replaceAll("\\.json$", "");
            try {
              return new ContractCase(id, MAPPER.readTree(Files.readString(file)));
            } catch (IOException e) {
              throw new UncheckedIOException("case " + id + " is not readable JSON", e);
            }
          })
          .toList();
    }
  }
}
