package io.github.csbscontract.testing;

import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.server.ServerOptions;
import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.catalog.CatalogLoader;
import io.github.csbscontract.server.control.Faults;
import io.github.csbscontract.server.control.RequestLog;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts, resets, injects and stops the stand-in of {@link CsbsStandIn}. The server is kept in
 * the class's (or the test's) extension store, so parallel classes each have their own and it
 * is closed with its scope.
 */
public final class CsbsStandInExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
    ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CsbsStandInExtension.class);
  private static final String SERVER = "server";
  private static final String CLIENTS = "clients";
  /** Flags the annotation sets itself: the extension's server is on loopback, a free port, and its own catalog. */
  private static final java.util.Set<String> FIXED_OPTIONS = java.util.Set.of("--host", "--port", "--catalog", "--admin");

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (settings(context).lifecycle() == CsbsStandIn.Lifecycle.PER_CLASS) {
      start(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    if (settings(context).lifecycle() == CsbsStandIn.Lifecycle.PER_METHOD) {
      start(context);
    }
    ReferenceServer server = server(context);
    server.faults().clear();
    server.requests().clear();
    server.resetCatalog();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    @SuppressWarnings("unchecked")
    List<CsbsClient> clients = context.getStore(NAMESPACE).get(CLIENTS, List.class);
    if (clients != null) {
      clients.forEach(CsbsClient::close);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == StandIn.class || type == CsbsClient.class || type == Faults.class || type == RequestLog.class
        || type == URI.class || type == String.class && parameter.isAnnotated(BaseUrl.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ReferenceServer server = server(context);
    StandIn standIn = new StandIn(server);
    Class<?> type = parameter.getParameter().getType();
    if (type == StandIn.class) {
      return standIn;
    }
    if (type == CsbsClient.class) {
      if (context.getTestMethod().isEmpty()) {
        throw new ParameterResolutionException("a CsbsClient is injected into test methods only (it is closed after "
            + "each test); use StandIn.newClient() elsewhere");
      }
      CsbsClient client = standIn.newClient();
      @SuppressWarnings("unchecked")
      List<CsbsClient> clients = context.getStore(NAMESPACE).getOrComputeIfAbsent(CLIENTS, key -> new ArrayList<>(), List.class);
      clients.add(client);
      return client;
    }
    if (type == Faults.class) {
      return server.faults();
    }
    if (type == RequestLog.class) {
      return server.requests();
    }
    return type == URI.class ? server.baseUri() : server.baseUri().toString();
  }

  private static void start(ExtensionContext context) throws IOException {
    CsbsStandIn settings = settings(context);
    ServerOptions options = ServerOptions.forTests().withRecording(true).withAdmin(settings.admin());
    String[] flags = settings.serverOptions();
    for (int i = 0; i < flags.length; i += 2) {
      if (FIXED_OPTIONS.contains(flags[i])) {
        throw new ExtensionConfigurationException("@CsbsStandIn serverOptions: " + flags[i] + " is set by the "
            + "extension (127.0.0.1, a free port, the catalog of @CsbsCatalog or catalogResource, admin)");
      }
    }
    try {
      options = options.withFlags(flags);
    } catch (IllegalArgumentException wrong) {
      throw new ExtensionConfigurationException("@CsbsStandIn serverOptions: " + wrong.getMessage(), wrong);
    }
    ReferenceServer server = ReferenceServer.start(options, catalog(context.getRequiredTestClass(), settings));
    // Closed with its scope (JUnit closes stored resources when the class or test ends).
    context.getStore(NAMESPACE).put(SERVER, new Running(server));
  }

  private static ReferenceServer server(ExtensionContext context) {
    Running running = context.getStore(NAMESPACE).get(SERVER, Running.class);
    ReferenceServer server = running == null ? null : running.server;
    if (server == null) {
      throw new ParameterResolutionException("no stand-in here: annotate the class with @CsbsStandIn (with "
          + "lifecycle PER_METHOD, the server exists in test methods and @BeforeEach/@AfterEach only)");
    }
    return server;
  }

  /** The server in a store; closed once, by whichever JUnit version's rule closes it. */
  private record Running(ReferenceServer server) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }

  private static CsbsStandIn settings(ExtensionContext context) {
    Class<?> type = context.getRequiredTestClass();
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      CsbsStandIn settings = c.getAnnotation(CsbsStandIn.class);
      if (settings != null) {
        return settings;
      }
    }
    throw new ExtensionConfigurationException(type + " is not annotated @CsbsStandIn");
  }

  /** The class's {@link CsbsCatalog} method, its catalog resource, or the demo catalog. */
  private static Catalog catalog(Class<?> testClass, CsbsStandIn settings) throws IOException {
    for (Class<?> c = testClass; c != null; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (method.isAnnotationPresent(CsbsCatalog.class)) {
          if (!Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0
              || !Catalog.class.isAssignableFrom(method.getReturnType())) {
            throw new ExtensionConfigurationException("@CsbsCatalog " + method + " must be static, take nothing and "
                + "return a Catalog");
          }
          try {
            method.setAccessible(true);
            return (Catalog) method.invoke(null);
          } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException("@CsbsCatalog " + method + " failed", e.getCause() == null ? e : e.getCause());
          }
        }
      }
    }
    if (!settings.catalogResource().isEmpty()) {
      try (InputStream in = testClass.getClassLoader().getResourceAsStream(settings.catalogResource())) {
        if (in == null) {
          throw new ExtensionConfigurationException("catalogResource " + settings.catalogResource() + " is not on the classpath");
        }
        return CatalogLoader.parse(in.readAllBytes(), settings.catalogResource());
      }
    }
    return CatalogLoader.demo();
  }
}
