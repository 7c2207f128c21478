package io.github.csbscontract.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * examples/consumer stands where a user stands, so it cannot inherit the parent pom: it pins its
 * own plugin and test-library versions. These tests keep them equal to the parent's (a version
 * bump there fails here until the consumer follows), keep it free of a parent, and keep its
 * copy of the client page's example equal to the page (docs/client.md).
 */
class ConsumerExampleTest {

  private static final Path ROOT = Path.of("..");
  private static final Path CONSUMER = ROOT.resolve("examples/consumer");

  /** The user's projects on the client, each standing where a user stands. */
  @ParameterizedTest
  @ValueSource(strings = {"consumer", "wiremock", "modulepath"})
  void theConsumerHasNoParentAndPinsThePluginVersionsOfOurParent(String example) throws Exception {
    Document parent = read(ROOT.resolve("pom.xml"));
    Document consumer = read(ROOT.resolve("examples").resolve(example).resolve("pom.xml"));
    Map<String, String> properties = properties(parent);
    Map<String, String> ours = plugins(parent, properties);
    Map<String, String> theirs = plugins(consumer, properties(consumer));

    assertThat(child(consumer.getDocumentElement(), "parent")).as("no parent").isNull();
    assertThat(theirs).as("the consumer's plugins").isNotEmpty();
    for (Map.Entry<String, String> plugin : theirs.entrySet()) {
      assertThat(ours).as("the parent pins %s", plugin.getKey()).containsKey(plugin.getKey());
      assertThat(plugin.getValue()).as(plugin.getKey()).isEqualTo(ours.get(plugin.getKey()));
    }
  }

  @Test
  void theWireMockConsumerUsesThisBuildsWireMockAndJUnit() throws Exception {
    Map<String, String> parent = properties(read(ROOT.resolve("pom.xml")));
    String pom = Files.readString(ROOT.resolve("examples/wiremock/pom.xml"));

    assertThat(pom).contains("<artifactId>wiremock</artifactId>\n      <version>" + parent.get("wiremock.version") + "</version>")
        .contains("<artifactId>junit-jupiter</artifactId>\n      <version>" + parent.get("junit.version") + "</version>");
  }

  @Test
  void theConsumerUsesThisBuildsVersionsOfOurArtifactsAndOfJUnit() throws Exception {
    Document parent = read(ROOT.resolve("pom.xml"));
    Document consumer = read(CONSUMER.resolve("pom.xml"));
    Map<String, String> properties = properties(consumer);
    Map<String, String> dependencies = new LinkedHashMap<>();
    NodeList nodes = consumer.getElementsByTagName("dependency");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element dependency = (Element) nodes.item(i);
      if (dependency.getParentNode().getParentNode().getNodeName().equals("project")) {
        dependencies.put(text(dependency, "artifactId"), resolve(text(dependency, "version"), properties));
      }
    }

    String version = text(parent.getDocumentElement(), "version");
    assertThat(dependencies).containsEntry("csbs-restore-check-client", version)
        .containsEntry("csbs-restore-check-reference-server", version)
        .containsEntry("junit-jupiter", properties(parent).get("junit.version"));
  }

  @Test
  void theConsumersExampleIsTheClientPages() throws Exception {
    String source = Files.readString(CONSUMER.resolve("src/main/java/example/consumer/RestoreCheck.java"));
    String start = "// README example start\n";
    String example = source.substring(source.indexOf(start) + start.length(), source.indexOf("    // README example end"));
    String dedented = example.lines().map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .reduce((a, b) -> a + "\n" + b).orElseThrow();

    assertThat(dedented).contains("CsbsClient.builder()");
    assertThat(Files.readString(ROOT.resolve("docs/client.md"))).contains(dedented);
  }

  /** groupId:artifactId of each plugin (managed or used) with a version, and of each plugin's dependencies. */
  private static Map<String, String> plugins(Document pom, Map<String, String> properties) {
    Map<String, String> versions = new LinkedHashMap<>();
    NodeList plugins = pom.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      String version = text(plugin, "version");
      if (version != null) {
        versions.put(coordinates(plugin), resolve(version, properties));
      }
      Element dependencies = child(plugin, "dependencies");
      if (dependencies != null) {
        NodeList each = dependencies.getElementsByTagName("dependency");
        for (int d = 0; d < each.getLength(); d++) {
          Element dependency = (Element) each.item(d);
          versions.put(coordinates(dependency), resolve(text(dependency, "version"), properties));
        }
      }
    }
    return versions;
  }

  private static String coordinates(Element element) {
    String group = text(element, "groupId");
    return (group == null ? "org.apache.maven.plugins" : group) + ":" + text(element, "artifactId");
  }

  private static Map<String, String> properties(Document pom) {
    Map<String, String> properties = new LinkedHashMap<>();
    Element block = child(pom.getDocumentElement(), "properties");
    if (block != null) {
      for (Node node = block.getFirstChild(); node != null; node = node.getNextSibling()) {
        if (node instanceof Element property) {
          properties.put(property.getTagName(), property.getTextContent().strip());
        }
      }
    }
    return properties;
  }

  private static String resolve(String value, Map<String, String> properties) {
    Matcher reference = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
    return reference.replaceAll(match -> Matcher.quoteReplacement(properties.getOrDefault(match.group(1), match.group())));
  }

  private static Document read(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element child = child(parent, name);
    return child == null ? null : child.getTextContent().strip();
  }
}
