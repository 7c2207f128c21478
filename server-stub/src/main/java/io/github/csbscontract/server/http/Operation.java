package io.github.csbscontract.server.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of a generated JAX-RS interface, read from its annotations: the HTTP method,
 * the path template, the media type it consumes, which parameters are path parameters and which
 * one is the body. The generated interface stays the single place that says where the operation
 * lives; this server dispatches to it directly instead of through a JAX-RS runtime (see
 * BENCHMARKS.md for why).
 */
final class Operation {

  private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");

  final Method method;
  final String httpMethod;
  final String consumes;
  private final Pattern path;
  private final List<String> names;
  /** For each Java parameter: its index among the template's groups, or -1 for the body. */
  private final int[] sources;
  final Class<?> bodyType;

  private Operation(Method method, String httpMethod, String consumes, Pattern path, List<String> names, int[] sources,
      Class<?> bodyType) {
    this.method = method;
    this.names = List.copyOf(names);
    this.httpMethod = httpMethod;
    this.consumes = consumes;
    this.path = path;
    this.sources = sources;
    this.bodyType = bodyType;
  }

  /** The interface's only operation; fails fast if the generated code has a shape we do not serve. */
  static Operation of(Class<?> api) {
    List<Method> operations = new ArrayList<>();
    for (Method m : api.getMethods()) {
      if (httpMethod(m) != null) {
        operations.add(m);
      }
    }
    if (operations.size() != 1) {
      throw new IllegalStateException(api.getName() + ": expected one operation, found " + operations.size());
    }
    Method method = operations.get(0);
    String template = join(api.getAnnotation(Path.class), method.getAnnotation(Path.class));
    List<String> names = new ArrayList<>();
    Matcher parameter = TEMPLATE_PARAMETER.matcher(template);
    StringBuilder regex = new StringBuilder("^");
    int last = 0;
    while (parameter.find()) {
      regex.append(Pattern.quote(template.substring(last, parameter.start()))).append("([^/]+)");
      names.add(parameter.group(1));
      last = parameter.end();
    }
    // Exactly the spec's path: with a trailing slash it is another (unknown) resource.
    regex.append(Pattern.quote(template.substring(last))).append("$");

    Parameter[] parameters = method.getParameters();
    int[] sources = new int[parameters.length];
    Class<?> bodyType = null;
    for (int i = 0; i < parameters.length; i++) {
      PathParam name = parameters[i].getAnnotation(PathParam.class);
      if (name != null) {
        sources[i] = names.indexOf(name.value());
        if (sources[i] < 0) {
          throw new IllegalStateException(method + ": no {" + name.value() + "} in " + template);
        }
      } else if (bodyType == null && !hasJaxRsAnnotation(parameters[i])) {
        sources[i] = -1;
        bodyType = parameters[i].getType();
      } else {
        throw new IllegalStateException(method + ": parameter " + parameters[i] + " is neither path nor body");
      }
    }
    Consumes consumes = method.getAnnotation(Consumes.class);
    return new Operation(method, httpMethod(method), consumes == null ? "application/json" : consumes.value()[0],
        Pattern.compile(regex.toString()), names, sources, bodyType);
  }

  /** The decoded path parameters in template order, or null when the path is not this operation's. */
  String[] match(String rawPath) {
    Matcher m = path.matcher(rawPath);
    if (!m.matches()) {
      return null;
    }
    String[] values = new String[m.groupCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = decode(m.group(i + 1));
      if (values[i] == null) {
        return null;
      }
    }
    return values;
  }

  /** The Java arguments, in the method's order. */
  Object[] arguments(String[] pathValues, Object body) {
    Object[] args = new Object[sources.length];
    for (int i = 0; i < sources.length; i++) {
      args[i] = sources[i] < 0 ? body : pathValues[sources[i]];
    }
    return args;
  }

  /** Where the named path parameter sits among {@link #match}'s values. */
  int pathParameter(String name) {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new IllegalStateException(method + ": no path parameter " + name);
    }
    return index;
  }

  Object invoke(Object implementation, Object[] args) throws Throwable {
    try {
      return method.invoke(implementation, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Percent-decoding of one path segment; null when the escapes are broken. */
  private static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException broken) {
      return null;
    }
  }

  private static String join(Path type, Path method) {
    String base = type == null ? "" : type.value();
    String sub = method == null ? "" : method.value();
    String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
    return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
  }

  private static String httpMethod(Method m) {
    for (Annotation a : m.getAnnotations()) {
      HttpMethod designator = a.annotationType().getAnnotation(HttpMethod.class);
      if (designator != null) {
        return designator.value();
      }
    }
    return null;
  }

  private static boolean hasJaxRsAnnotation(Parameter p) {
    for (Annotation a : p.getAnnotations()) {
      if (a.annotationType().getPackageName().startsWith("jakarta.ws.rs")) {
        return true;
      }
    }
    return false;
  }
}
