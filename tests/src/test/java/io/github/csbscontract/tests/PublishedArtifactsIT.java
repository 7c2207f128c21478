package io.github.csbscontract.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What users take from a release, checked on the built files (after package, hence an IT): each
 * jar names its module and comes with sources and Javadoc, and the BOM aligns exactly our
 * artifacts and, through their own BOMs, Jackson and OkHttp at the versions the client is tested
 * with, pinning nothing else of anyone else's.
 */
class PublishedArtifactsIT {

  private static final Path ROOT = Path.of(System.getProperty("csbs.root", ".."));
  private static final String VERSION = System.getProperty("csbs.version", "0.1.0-SNAPSHOT");

  /** Folder, artifactId, module name, whether it has Java (and so Javadoc). */
  private record Published(String folder, String artifactId, String moduleName, boolean java) {}

  private static final List<Published> JARS = List.of(
      new Published("spec", "csbs-restore-check-spec", "io.github.csbscontract.spec", false),
      new Published("core", "csbs-restore-check-core", "io.github.csbscontract.core", true),
      new Published("server-stub", "csbs-restore-check-server-stub", "io.github.csbscontract.server.api", true),
      new Published("service", "csbs-restore-check-service", "io.github.csbscontract.service", true),
      new Published("jaxrs", "csbs-restore-check-jaxrs", "io.github.csbscontract.jaxrs", true),
      new Published("catalog", "csbs-restore-check-catalog", "io.github.csbscontract.catalog", true),
      new Published("client", "csbs-restore-check-client", "io.github.csbscontract.client", true),
      new Published("reference-server", "csbs-restore-check-reference-server", "io.github.csbscontract.server", true),
      new Published("test-support", "csbs-restore-check-test-support", "io.github.csbscontract.testing", true),
      new Published("tests", "csbs-restore-check-tests", "io.github.csbscontract.tests", true));

  @Test
  void everyJarNamesItsModuleAndHasSourcesAndJavadoc() throws IOException {
    for (Published jar : JARS) {
      Path target = ROOT.resolve(jar.folder()).resolve("target");
      Path main = target.resolve(jar.artifactId() + "-" + VERSION + ".jar");
      try (JarFile file = new JarFile(main.toFile())) {
        assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
            .as(main.toString()).isEqualTo(jar.moduleName());
      }
      assertThat(target.resolve(jar.artifactId() + "-" + VERSION + "-sources.jar")).isRegularFile();
      if (jar.java()) {
        assertThat(target.resolve(jar.artifactId() + "-" + VERSION + "-javadoc.jar")).isRegularFile();
      }
    }
  }

  @Test
  void theClientJarHasARealModuleDescriptor() throws IOException {
    // An automatic module cannot resolve OkHttp's explicit module: examples/modulepath runs it.
    Path client = ROOT.resolve("client/target/csbs-restore-check-client-" + VERSION + ".jar");
    try (JarFile file = new JarFile(client.toFile())) {
      assertThat(file.getEntry("module-info.class")).as(client.toString()).isNotNull();
      assertThat(file.getEntry("io/github/csbscontract/client/model/CheckResp.class")).isNotNull();
    }
  }

  @Test
  void everyModuleNameIsUnique() {
    assertThat(JARS.stream().map(Published::moduleName).distinct().count()).isEqualTo(JARS.size());
  }

  @Test
  void theBomManagesOurJarsAndImportsJacksonsAndOkHttpsBomsAtOurVersions() throws IOException {
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String management = between(bom, "<dependencyManagement>", "</dependencyManagement>");

    assertThat(bom).as("a parent would hand its third-party pins to every importer").doesNotContain("<parent>");
    Map<String, String> managed = new LinkedHashMap<>();
    Map<String, String> imported = new LinkedHashMap<>();
    Matcher dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(management);
    while (dependency.find()) {
      String d = dependency.group(1);
      if (d.contains("<scope>import</scope>")) {
        imported.put(tag(d, "groupId") + ":" + tag(d, "artifactId"), resolve(tag(d, "version"), bom));
      } else {
        assertThat(tag(d, "groupId")).isEqualTo("io.github.csbscontract");
        managed.putIfAbsent(tag(d, "artifactId"), tag(d, "version"));
      }
    }
    assertThat(managed.keySet()).containsExactlyInAnyOrderElementsOf(JARS.stream().map(Published::artifactId).toList());
    // The libraries of the client's API, at the versions it is tested with, and nothing else.
    assertThat(imported).containsOnly(
        Map.entry("com.fasterxml.jackson:jackson-bom", tag(parent, "jackson.version")),
        Map.entry("com.squareup.okhttp3:okhttp-bom", tag(parent, "okhttp.version")));
    assertThat(bom).contains("<version>" + VERSION + "</version>");
  }

  private static String resolve(String value, String pom) {
    return value.startsWith("${") ? tag(pom, value.substring(2, value.length() - 1)) : value;
  }

  @Test
  void everyJarModuleOfTheReactorIsListedHere() throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
    List<String> jarModules = new ArrayList<>();
    while (module.find()) {
      String pom = Files.readString(ROOT.resolve(module.group(1)).resolve("pom.xml"));
      String packaging = pom.contains("<packaging>") ? tag(pom, "packaging") : "jar";
      if (packaging.equals("jar")) {
        jarModules.add(module.group(1));
      }
    }
    assertThat(jarModules).containsExactlyInAnyOrderElementsOf(JARS.stream().map(Published::folder).toList());
  }

  private static String tag(String xml, String name) {
    return between(xml, "<" + name + ">", "</" + name + ">").trim();
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    int to = text.indexOf(end, from);
    assertThat(from).as(start).isNotNegative();
    return text.substring(from + start.length(), to);
  }
}
