package io.github.csbscontract.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * This module is the JAX-RS adapter and nothing else: every class in it uses JAX-RS. A class
 * that does not belongs to the framework-free core ({@code csbs-restore-check-service}), where
 * the reference server can use it without loading JAX-RS.
 */
class AdapterOnlyTest {

  @Test
  void everyMainSourceUsesJaxRs() throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      sources = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.getFileName().toString().equals("package-info.java"))
          .toList();
    }
    assertThat(sources).isNotEmpty();
    assertThat(sources).allSatisfy(source -> assertThat(importsJaxRs(source)).as(source.toString()).isTrue());
  }

  private static boolean importsJaxRs(Path source) {
    try {
      return Files.readAllLines(source).stream().anyMatch(line -> line.startsWith("import jakarta.ws.rs."));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
