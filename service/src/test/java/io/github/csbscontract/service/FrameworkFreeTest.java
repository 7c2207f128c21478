package io.github.csbscontract.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The service core runs on any HTTP layer: the reference server serves it without a JAX-RS
 * runtime, so no main source of this module or of core may name a JAX-RS type. The generated
 * interface it implements lives in server-stub, and the JAX-RS adapter in jaxrs.
 */
class FrameworkFreeTest {

  @Test
  void noMainSourceOfTheCoreNamesJaxRs() {
    List<Path> sources = javaSources(Path.of("src/main/java"), Path.of("../core/src/main/java"));
    assertThat(sources).hasSizeGreaterThan(20);
    assertThat(sources).allSatisfy(source -> assertThat(read(source)).as(source.toString())
        .doesNotContain("jakarta.ws.rs").doesNotContain("javax.ws.rs"));
  }

  static List<Path> javaSources(Path... roots) {
    return Stream.of(roots).flatMap(root -> {
      try (Stream<Path> files = Files.walk(root)) {
        return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }

  private static String read(Path source) {
    try {
      return Files.readString(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
