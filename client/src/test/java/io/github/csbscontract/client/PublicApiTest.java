package io.github.csbscontract.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The facade's public face: generated models, the Retrofit interface and Retrofit itself stay
 * behind it, so that regenerating them can never break a user's code. Two library types are part
 * of the API on purpose: OkHttpClient ({@code Builder.okHttpClient} shares an application's
 * connection pool) and Jackson's ObjectMapper ({@code Builder.objectMapper} brings its modules).
 */
class PublicApiTest {

  private static final String PACKAGE = "io.github.csbscontract.client";
  private static final Set<String> ALLOWED_FOREIGN = Set.of("okhttp3.OkHttpClient", "com.fasterxml.jackson.databind.ObjectMapper");

  @Test
  void noPublicSignatureNamesAGeneratedOrRetrofitType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : publicFacadeTypes()) {
      for (Method method : type.getDeclaredMethods()) {
        if (exposed(method.getModifiers()) && !method.isSynthetic()) {
          check(type, method, method.getGenericReturnType(), leaks);
          checkParameters(type, method, leaks);
        }
      }
      for (var constructor : type.getDeclaredConstructors()) {
        if (exposed(constructor.getModifiers())) {
          checkParameters(type, constructor, leaks);
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (exposed(field.getModifiers())) {
          check(type, field, field.getGenericType(), leaks);
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  /**
   * The public types, named: a new one is a decision, made here. AttemptListener and its Attempt
   * came with issue 21 (metrics and logs per attempt), as did isRetryable() on CsbsException;
   * CheckCall with issue 25 (one call object for both ways of running a check).
   */
  @Test
  void thePublicTypesAreTheseAndNoMore() throws Exception {
    assertThat(publicFacadeTypes()).extracting(type -> type.getName().substring(PACKAGE.length() + 1))
        .containsExactlyInAnyOrder("CsbsClient", "CsbsClient$Builder", "CheckCall", "RetryPolicy", "RetryPolicy$Builder", "RestoreItem",
        "RestoreItem$Builder", "RestoreItem$DiskMapping", "ProtectItem", "CheckResult",
        "AttemptListener", "AttemptListener$Attempt",
        "CsbsException", "CsbsValidationException", "CsbsTokenException", "CsbsHttpException", "CsbsBadRequestException",
        "CsbsAuthenticationException", "CsbsNotFoundException", "CsbsPayloadTooLargeException", "CsbsThrottledException",
        "CsbsServerException", "CsbsTransportException", "CsbsTimeoutException", "CsbsUnreadableResponseException",
        "CsbsClientClosedException");
  }

  /**
   * One method per action and shape of its items (varargs, or a list), each returning a
   * CheckCall that runs synchronously or asynchronously: not a method per action, shape and mode.
   * (The other public methods take no arguments: close() and toString().)
   */
  @Test
  void eachActionIsOneMethodPerShapeOfItsItemsReturningACall() throws Exception {
    List<String> checks = new ArrayList<>();
    for (Method method : CsbsClient.class.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
          && method.getParameterCount() > 0) {
        checks.add(method.getName() + " " + method.getGenericReturnType().getTypeName() + " "
            + method.getGenericParameterTypes()[0].getTypeName().replace(PACKAGE + ".", ""));
      }
    }
    assertThat(checks).containsExactlyInAnyOrder(
        "checkRestorable " + PACKAGE + ".CheckCall RestoreItem[]",
        "checkRestorable " + PACKAGE + ".CheckCall java.util.List<RestoreItem>",
        "checkProtectable " + PACKAGE + ".CheckCall ProtectItem[]",
        "checkProtectable " + PACKAGE + ".CheckCall java.util.List<ProtectItem>");
    Set<String> callMethods = new TreeSet<>();
    for (Method method : CheckCall.class.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers())) {
        callMethods.add(method.getName());
      }
    }
    assertThat(callMethods).containsExactly("callTimeout", "enqueue", "execute", "toString");
  }

  private static boolean exposed(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void checkParameters(Class<?> owner, Executable executable, List<String> leaks) {
    for (Type parameter : executable.getGenericParameterTypes()) {
      check(owner, executable, parameter, leaks);
    }
  }

  private static void check(Class<?> owner, Object member, Type type, List<String> leaks) {
    if (type instanceof ParameterizedType parameterized) {
      check(owner, member, parameterized.getRawType(), leaks);
      for (Type argument : parameterized.getActualTypeArguments()) {
        check(owner, member, argument, leaks);
      }
    } else if (type instanceof GenericArrayType array) {
      check(owner, member, array.getGenericComponentType(), leaks);
    } else if (type instanceof WildcardType wildcard) {
      Stream.concat(Stream.of(wildcard.getUpperBounds()), Stream.of(wildcard.getLowerBounds()))
          .forEach(bound -> check(owner, member, bound, leaks));
    } else if (type instanceof Class<?> named) {
      Class<?> element = named;
      while (element.isArray()) {
        element = element.getComponentType();
      }
      String name = element.getName();
      boolean facade = element.getPackageName().equals(PACKAGE);
      boolean platform = name.startsWith("java.");
      if (!element.isPrimitive() && !facade && !platform && !ALLOWED_FOREIGN.contains(name)) {
        leaks.add(owner.getSimpleName() + ": " + member + " names " + name);
      }
    }
  }

  /** The public classes of the facade package, read from the compiled classes. */
  private static List<Class<?>> publicFacadeTypes() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(CsbsClient.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve(PACKAGE.replace('.', '/'));
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.list(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String simple = file.getFileName().toString().replace(".class", "");
        Class<?> type = Class.forName(PACKAGE + "." + simple, false,
            PublicApiTest.class.getClassLoader());
        if (Modifier.isPublic(type.getModifiers()) && isReachable(type)) {
          types.add(type);
        }
      }
    }
    assertThat(types).contains(CsbsClient.class, CsbsClient.Builder.class);
    return types;
  }

  private static boolean isReachable(Class<?> type) {
    for (Class<?> outer = type.getDeclaringClass(); outer != null; outer = outer.getDeclaringClass()) {
      if (!Modifier.isPublic(outer.getModifiers())) {
        return false;
      }
    }
    return true;
  }
}
