package io.github.csbscontract.server.operation;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
// Hand-written because no library reads one JAX-RS method's annotations without a JAX-RS
// runtime, and the runtimes cost 2-6x the CPU per request (BENCHMARKS.md, "the same classes on
// JAX-RS runtimes"). Matching the one path template is a loop over its segments: Vert.x Web's
// Router measured 3-9 % more CPU per single-item request, matched paths the template does not
// (a trailing slash, "//", "..") and removed no code (BENCHMARKS.md, "Vert.x Web's Router").
final class Operation {

  private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");

  final Method method;
  final String httpMethod;
  final String consumes;
  /** The template's segments; null where a parameter sits. */
  private final String[] segments;
  private final List<String> names;
  /** For each Java parameter: its index among the template's groups, or -1 for the body. */
  private final int[] sources;
  final Class<?> bodyType;
  /** {@code (Object implementation, Object[] args) -> Object}: no reflective call per request. */
  private final MethodHandle invoker;

  private Operation(Method method, String httpMethod, String consumes, String[] segments, List<String> names,
      int[] sources, Class<?> bodyType) {
    this.method = method;
    this.names = List.copyOf(names);
    this.httpMethod = httpMethod;
    this.consumes = consumes;
    this.segments = segments;
    this.sources = sources;
    this.bodyType = bodyType;
    try {
      this.invoker = MethodHandles.publicLookup().unreflect(method)
          .asSpreader(Object[].class, method.getParameterCount())
          .asType(MethodType.methodType(Object.class, Object.class, Object[].class));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(method + " is not public", e);
    }
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
    String[] segments = template.substring(1).split("/", -1);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < segments.length; i++) {
      Matcher parameter = TEMPLATE_PARAMETER.matcher(segments[i]);
      if (parameter.matches()) {
        names.add(parameter.group(1));
        segments[i] = null;
      } else if (segments[i].contains("{")) {
        throw new IllegalStateException(method + ": a parameter must be a whole path segment: " + template);
      }
    }

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
        segments, names, sources, bodyType);
  }

  /**
   * The decoded path parameters in template order, or null when the path is not this
   * operation's. Exactly the template: no trailing slash, no empty segments.
   */
  String[] match(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return null;
    }
    String[] values = new String[names.size()];
    int value = 0;
    int start = 1;
    for (int i = 0; i < segments.length; i++) {
      int end = rawPath.indexOf('/', start);
      boolean last = i == segments.length - 1;
      if (last != (end < 0)) {
        return null;
      }
      if (end < 0) {
        end = rawPath.length();
      }
      if (segments[i] != null) {
        if (!rawPath.regionMatches(start, segments[i], 0, segments[i].length()) || end - start != segments[i].length()) {
          return null;
        }
      } else {
        String decoded = end == start ? null : decode(rawPath.substring(start, end));
        if (decoded == null) {
          return null;
        }
        values[value++] = decoded;
      }
      start = end + 1;
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

  /** Calls the operation on {@code implementation}; what it throws comes through unwrapped. */
  Object invoke(Object implementation, Object[] args) throws Throwable {
    return (Object) invoker.invokeExact(implementation, args);
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
