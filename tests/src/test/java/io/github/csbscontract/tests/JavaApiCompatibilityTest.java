package io.github.csbscontract.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csbscontract.client.AttemptListener;
import io.github.csbscontract.client.CheckCall;
import io.github.csbscontract.client.CheckResult;
import io.github.csbscontract.client.CsbsAuthenticationException;
import io.github.csbscontract.client.CsbsBadRequestException;
import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.client.CsbsClientClosedException;
import io.github.csbscontract.client.CsbsException;
import io.github.csbscontract.client.CsbsHttpException;
import io.github.csbscontract.client.CsbsNotFoundException;
import io.github.csbscontract.client.CsbsPayloadTooLargeException;
import io.github.csbscontract.client.CsbsServerException;
import io.github.csbscontract.client.CsbsThrottledException;
import io.github.csbscontract.client.CsbsTimeoutException;
import io.github.csbscontract.client.CsbsTokenException;
import io.github.csbscontract.client.CsbsTransportException;
import io.github.csbscontract.client.CsbsUnreadableResponseException;
import io.github.csbscontract.client.CsbsValidationException;
import io.github.csbscontract.client.ProtectItem;
import io.github.csbscontract.client.RestoreItem;
import io.github.csbscontract.client.RetryPolicy;
import io.github.csbscontract.jaxrs.CsbsFeature;
import io.github.csbscontract.rules.Backup;
import io.github.csbscontract.rules.BackupStatus;
import io.github.csbscontract.rules.Inventory;
import io.github.csbscontract.rules.RestoreMode;
import io.github.csbscontract.rules.Server;
import io.github.csbscontract.rules.ServerStatus;
import io.github.csbscontract.rules.StoreUnavailableException;
import io.github.csbscontract.service.CapabilityResource;
import io.github.csbscontract.service.TokenLookup;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Java API users code against (implementers: the rules' data types, the JAX-RS pieces, the
 * conformance tests; client developers: the client facade), held to the last release's
 * signatures the way the spec is held to {@code spec/baseline/}: no release is published yet, so the baseline
 * ({@code api/java-api-0.1.0.txt}) is this API as first recorded, not a released jar,
 * and this is a signature check by reflection, not japicmp's full binary check. Removing or
 * changing a signature fails; so does a new abstract method on an interface implementers
 * implement (their classes would no longer compile or link). Additions are reported. At a
 * release, {@code target/java-api.txt} becomes the next baseline.
 */
class JavaApiCompatibilityTest {

  private static final String BASELINE = "api/java-api-0.1.0.txt";

  /** Implementers and client developers implement, construct or call these. */
  private static final List<Class<?>> API = List.of(
      // implementers
      Inventory.class, Inventory.Found.class, Backup.class,
      Backup.Builder.class, Backup.VolumeBackup.class, Server.class, Server.Builder.class, Server.Volume.class,
      BackupStatus.class, ServerStatus.class, RestoreMode.class, StoreUnavailableException.class, TokenLookup.class,
      TokenLookup.TokenScope.class, CapabilityResource.class, CsbsFeature.class, FixtureLoader.class,
      ConformanceTests.class, ContractCase.Target.class,
      // client developers
      CsbsClient.class, CsbsClient.Builder.class, RestoreItem.class, RestoreItem.Builder.class,
      RestoreItem.DiskMapping.class, ProtectItem.class, CheckCall.class, CheckResult.class, RetryPolicy.class,
      RetryPolicy.Builder.class, AttemptListener.class, AttemptListener.Attempt.class, CsbsException.class,
      CsbsValidationException.class, CsbsTokenException.class, CsbsHttpException.class,
      CsbsBadRequestException.class, CsbsAuthenticationException.class, CsbsNotFoundException.class,
      CsbsPayloadTooLargeException.class, CsbsThrottledException.class, CsbsServerException.class,
      CsbsTransportException.class, CsbsTimeoutException.class, CsbsUnreadableResponseException.class,
      CsbsClientClosedException.class);

  @Test
  void nothingOfTheLastReleaseIsRemovedOrChanged() throws IOException {
    Set<String> current = signatures();
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "java-api.txt"), current, StandardCharsets.UTF_8);
    Set<String> baseline = baseline();

    Set<String> added = new TreeSet<>(current);
    added.removeAll(baseline);
    added.forEach(line -> System.out.println("API addition: " + line));

    assertThat(incompatibilities(baseline, current)).as("incompatible with " + BASELINE).isEmpty();
  }

  @Test
  void aRemovedSignatureAndANewAbstractMethodAreIncompatible() {
    Set<String> current = signatures();
    String find = current.stream().filter(line -> line.contains("#find(")).findFirst().orElseThrow();
    String server = current.stream()
        .filter(line -> line.contains(" abstract interface-method #server(")).findFirst().orElseThrow();

    Set<String> withoutFind = new TreeSet<>(current);
    withoutFind.remove(find);
    Set<String> olderInventory = new TreeSet<>(current);
    olderInventory.remove(server);

    assertThat(incompatibilities(current, withoutFind)).containsExactly("removed or changed: " + find);
    assertThat(incompatibilities(olderInventory, current)).containsExactly("new abstract method: " + server);
    assertThat(find).startsWith("io.github.csbscontract.rules.Inventory default interface-method ");
  }

  /**
   * What breaks code compiled against the baseline: a signature gone or changed, or an abstract
   * method added to an interface that was there (its implementations lack it).
   */
  static List<String> incompatibilities(Set<String> baseline, Set<String> current) {
    List<String> problems = new ArrayList<>();
    for (String line : baseline) {
      if (!current.contains(line)) {
        problems.add("removed or changed: " + line);
      }
    }
    Set<String> baselineTypes = baseline.stream().map(line -> line.split(" ", 2)[0]).collect(Collectors.toSet());
    for (String line : current) {
      if (!baseline.contains(line) && line.contains(" abstract interface-method ")
          && baselineTypes.contains(line.split(" ", 2)[0])) {
        problems.add("new abstract method: " + line);
      }
    }
    return problems;
  }

  private static Set<String> baseline() throws IOException {
    try (InputStream in = JavaApiCompatibilityTest.class.getClassLoader().getResourceAsStream(BASELINE)) {
      assertThat(in).as(BASELINE).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** One line per public or protected type, constructor, method and field. */
  static Set<String> signatures() {
    Set<String> lines = new TreeSet<>();
    for (Class<?> type : API) {
      String name = type.getName();
      lines.add(name + " type " + Modifier.toString(type.getModifiers() & ~Modifier.STATIC)
          + (type.getSuperclass() == null || type.getSuperclass() == Object.class ? "" : " extends " + type.getSuperclass().getName())
          + (type.getInterfaces().length == 0 ? "" : Arrays.stream(type.getInterfaces()).map(Class::getName).sorted()
              .collect(Collectors.joining(",", " implements ", ""))));
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (visible(constructor.getModifiers()) && !constructor.isSynthetic()) {
          lines.add(name + " constructor " + parameters(constructor) + throwsClause(constructor));
        }
      }
      for (Method method : type.getDeclaredMethods()) {
        if (visible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
          String kind = type.isInterface()
              ? (method.isDefault() ? "default interface-method" : Modifier.isStatic(method.getModifiers())
                  ? "static interface-method" : "abstract interface-method")
              : Modifier.toString(method.getModifiers() & (Modifier.STATIC | Modifier.ABSTRACT | Modifier.FINAL)) + " method";
          lines.add(name + " " + kind.strip() + " #" + method.getName() + parameters(method) + " -> "
              + method.getGenericReturnType().getTypeName() + throwsClause(method));
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (visible(field.getModifiers()) && !field.isSynthetic()) {
          lines.add(name + " field " + Modifier.toString(field.getModifiers()) + " " + field.getGenericType().getTypeName()
              + " " + field.getName());
        }
      }
    }
    return lines;
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String parameters(Executable executable) {
    return Arrays.stream(executable.getGenericParameterTypes()).map(java.lang.reflect.Type::getTypeName)
        .collect(Collectors.joining(",", "(", ")"));
  }

  private static String throwsClause(Executable executable) {
    List<String> thrown = new ArrayList<>();
    for (Class<?> exception : executable.getExceptionTypes()) {
      thrown.add(exception.getName());
    }
    return thrown.isEmpty() ? "" : " throws " + String.join(",", thrown);
  }
}
