package io.github.csbscontract.core.validation;

import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.ElementDescriptor;
import jakarta.validation.metadata.MethodDescriptor;
import jakarta.validation.metadata.ParameterDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A yes/no answer to "does Bean Validation find nothing wrong with these arguments (or this
 * bean)?", compiled from the validator's own constraint metadata, so it knows exactly the
 * constraints the generated code declares and no others.
 *
 * <p>Why: Hibernate Validator walks the model reflectively and builds paths and contexts on
 * the way, about 6 us per request item, which was most of the reference server's CPU for a
 * valid batch and most of the client's own cost per call. This check does the same tests
 * without that bookkeeping. It only ever says "valid" or "ask the validator": when it finds a
 * problem, or meets a constraint it does not know, the caller runs the validator, which stays
 * the only source of violations and messages. The server's and the client's tests hold it to
 * the validator's verdict on random requests. It pays its length: BENCHMARKS.md ("Choices these
 * figures decided") measured the reference server's valid batch and the client's overhead
 * with and without it; Hibernate Validator's programmatic API has no cheaper path to the same
 * verdict.
 *
 * <pre>
 * if (!precheck.passesBean(request)) {
 *   violations = validator.validate(request);   // may still be empty: the precheck is conservative
 * }
 * </pre>
 */
public final class ConstraintPrecheck {

  private interface Check {
    boolean passes(Object value);
  }

  private static final Check ALWAYS_ASK = value -> false;

  private final Validator validator;
  private final Map<Class<?>, Check> beans = new ConcurrentHashMap<>();
  private final Method method;
  private final Check[] parameters;

  private ConstraintPrecheck(Validator validator, Method method) {
    this.validator = validator;
    this.method = method;
    this.parameters = compileParameters(method);
  }

  private ConstraintPrecheck(Validator validator) {
    this.validator = validator;
    this.method = null;
    this.parameters = new Check[] {new CascadeSite()};
  }

  /** The method whose arguments this checks; null for a bean precheck. */
  public Method method() {
    return method;
  }

  /** A precheck of {@code method}'s arguments as {@code validateParameters} sees them. */
  public static ConstraintPrecheck forParameters(Validator validator, Method method) {
    return new ConstraintPrecheck(validator, method);
  }

  /** A precheck of beans as {@code validate(bean)} sees them. */
  public static ConstraintPrecheck forBeans(Validator validator) {
    return new ConstraintPrecheck(validator);
  }

  /** True only if {@code validate(bean)} would report no violation; null is for the validator to refuse. */
  public boolean passesBean(Object bean) {
    return bean != null && parameters.length == 1 && method == null && parameters[0].passes(bean);
  }

  /** True only if the validator would report no violation for these arguments. */
  public boolean passes(Object[] args) {
    for (int i = 0; i < parameters.length; i++) {
      if (!parameters[i].passes(args[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether every constraint on the method's parameters was understood (if not, {@link #passes}
   * is always false). Beans are compiled on first sight, each on its own.
   */
  public boolean isCompiled() {
    for (Check check : parameters) {
      if (check == ALWAYS_ASK) {
        return false;
      }
    }
    return true;
  }

  private Check[] compileParameters(Method method) {
    Check[] checks = new Check[method.getParameterCount()];
    MethodDescriptor descriptor = validator.getConstraintsForClass(method.getDeclaringClass())
        .getConstraintsForMethod(method.getName(), method.getParameterTypes());
    if (descriptor == null) {
      java.util.Arrays.fill(checks, (Check) value -> true);
      return checks;
    }
    if (descriptor.getCrossParameterDescriptor().hasConstraints()) {
      java.util.Arrays.fill(checks, ALWAYS_ASK);
      return checks;
    }
    for (ParameterDescriptor parameter : descriptor.getParameterDescriptors()) {
      try {
        checks[parameter.getIndex()] = element(parameter, parameter.isCascaded(),
            parameter.getConstrainedContainerElementTypes());
      } catch (Unsupported e) {
        checks[parameter.getIndex()] = ALWAYS_ASK;
      }
    }
    for (int i = 0; i < checks.length; i++) {
      if (checks[i] == null) {
        checks[i] = value -> true;
      }
    }
    return checks;
  }

  /**
   * One place where validation cascades into beans. It remembers the last class it saw, since
   * one place almost always sees one class (the generated model the property declares).
   */
  private final class CascadeSite implements Check {
    private volatile Seen last;

    @Override
    public boolean passes(Object bean) {
      if (bean == null) {
        return true;
      }
      Seen seen = last;
      if (seen == null || seen.type != bean.getClass()) {
        seen = new Seen(bean.getClass(), beans.computeIfAbsent(bean.getClass(), ConstraintPrecheck.this::compileBean));
        last = seen;
      }
      return seen.check.passes(bean);
    }
  }

  private record Seen(Class<?> type, Check check) {}

  private Check compileBean(Class<?> type) {
    try {
      BeanDescriptor descriptor = validator.getConstraintsForClass(type);
      if (!descriptor.getConstraintDescriptors().isEmpty()) {
        throw new Unsupported();
      }
      List<Check> properties = new ArrayList<>();
      for (PropertyDescriptor property : descriptor.getConstrainedProperties()) {
        MethodHandle getter = getter(type, property.getPropertyName());
        Check value = element(property, property.isCascaded(), property.getConstrainedContainerElementTypes());
        properties.add(bean -> value.passes(read(getter, bean)));
      }
      Check[] all = properties.toArray(Check[]::new);
      return bean -> {
        for (Check check : all) {
          if (!check.passes(bean)) {
            return false;
          }
        }
        return true;
      };
    } catch (Unsupported e) {
      return ALWAYS_ASK;
    }
  }

  /** The constraints on a value, its cascade, and those on its container's elements. */
  private Check element(ElementDescriptor element, boolean cascaded, Set<ContainerElementTypeDescriptor> containerElements) {
    List<Check> checks = new ArrayList<>();
    for (ConstraintDescriptor<?> constraint : element.getConstraintDescriptors()) {
      checks.add(constraint(constraint));
    }
    for (ContainerElementTypeDescriptor container : containerElements) {
      if (!container.getConstrainedContainerElementTypes().isEmpty() || container.getTypeArgumentIndex() == null
          || container.getTypeArgumentIndex() != 0) {
        throw new Unsupported();
      }
      Check each = element(container, container.isCascaded(), Set.of());
      checks.add(value -> value == null || eachElement(value, each));
    }
    if (cascaded) {
      // @Valid on a container cascades into its elements; on anything else, into the value.
      Check bean = new CascadeSite();
      checks.add(value -> value == null || (value instanceof Iterable<?> || value instanceof Map<?, ?>
          ? eachElement(value, bean) : bean.passes(value)));
    }
    Check[] all = checks.toArray(Check[]::new);
    return value -> {
      for (Check check : all) {
        if (!check.passes(value)) {
          return false;
        }
      }
      return true;
    };
  }

  private static boolean eachElement(Object container, Check each) {
    if (container instanceof List<?> list) {
      for (int i = 0, n = list.size(); i < n; i++) {
        if (!each.passes(list.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (container instanceof Iterable<?> iterable) {
      for (Object element : iterable) {
        if (!each.passes(element)) {
          return false;
        }
      }
      return true;
    }
    // Map values, arrays, Optional and other containers: leave them to the validator.
    return false;
  }

  private static Check constraint(ConstraintDescriptor<?> constraint) {
    if (!constraint.getComposingConstraints().isEmpty()
        || !constraint.getGroups().equals(Set.of(Default.class))) {
      throw new Unsupported();
    }
    Object annotation = constraint.getAnnotation();
    if (annotation instanceof NotNull) {
      return value -> value != null;
    }
    if (annotation instanceof Size size) {
      int min = size.min();
      int max = size.max();
      return value -> {
        int length;
        if (value == null) {
          return true;
        } else if (value instanceof CharSequence text) {
          length = text.length();
        } else if (value instanceof Collection<?> collection) {
          length = collection.size();
        } else if (value instanceof Map<?, ?> map) {
          length = map.size();
        } else if (value.getClass().isArray()) {
          length = Array.getLength(value);
        } else {
          return false;
        }
        return length >= min && length <= max;
      };
    }
    if (annotation instanceof Pattern pattern) {
      int flags = 0;
      for (Pattern.Flag flag : pattern.flags()) {
        flags |= flag.getValue();
      }
      FixedShape shape = flags == 0 ? FixedShape.of(pattern.regexp()) : null;
      if (shape != null) {
        return value -> value == null || (value instanceof CharSequence text && shape.matches(text));
      }
      java.util.regex.Pattern compiled = java.util.regex.Pattern.compile(pattern.regexp(), flags);
      // A matcher per thread, reset for each value: a new one per check was a tenth of the
      // server's allocation.
      ThreadLocal<java.util.regex.Matcher> matchers = ThreadLocal.withInitial(() -> compiled.matcher(""));
      return value -> value == null || (value instanceof CharSequence text && matchers.get().reset(text).matches());
    }
    throw new Unsupported();
  }

  /** The property's public getter, typed {@code (Object) -> Object}. */
  private static MethodHandle getter(Class<?> type, String property) {
    String capitalised = Character.toUpperCase(property.charAt(0)) + property.substring(1);
    for (String name : List.of("get" + capitalised, "is" + capitalised)) {
      try {
        Method getter = type.getMethod(name);
        if (getter.getReturnType() != void.class) {
          return MethodHandles.publicLookup().unreflect(getter).asType(MethodType.methodType(Object.class, Object.class));
        }
      } catch (NoSuchMethodException | IllegalAccessException next) {
        // try the next spelling
      }
    }
    throw new Unsupported();
  }

  private static Object read(MethodHandle getter, Object bean) {
    try {
      return (Object) getter.invokeExact(bean);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot read a property of " + bean.getClass(), e);
    }
  }

  /**
   * A pattern that is a fixed sequence of ASCII character classes and literals, each repeated a
   * fixed number of times ({@code ^[0-9a-f]{8}-[0-9a-f]{4}$}): the shape of the spec's IDs. It
   * matches exactly the strings of its length whose every character is in its position's set,
   * which a loop checks without the regex engine's backtracking machinery.
   */
  static final class FixedShape {
    private final boolean[][] allowed;

    private FixedShape(List<boolean[]> positions) {
      this.allowed = positions.toArray(boolean[][]::new);
    }

    /** The shape of {@code regexp}, or null if it is not of that simple kind. */
    static FixedShape of(String regexp) {
      String body = regexp;
      if (body.startsWith("^")) {
        body = body.substring(1);
      }
      if (body.endsWith("$") && !body.endsWith("\\$")) {
        body = body.substring(0, body.length() - 1);
      }
      List<boolean[]> positions = new ArrayList<>();
      int i = 0;
      while (i < body.length()) {
        boolean[] set = new boolean[128];
        char c = body.charAt(i);
        if (c == '[') {
          int end = body.indexOf(']', i + 1);
          if (end < 0 || !charClass(body.substring(i + 1, end), set)) {
            return null;
          }
          i = end + 1;
        } else if (c == '\\' && i + 1 < body.length() && isPunctuation(body.charAt(i + 1))) {
          set[body.charAt(i + 1)] = true;
          i += 2;
        } else if (c < 128 && Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ':' || c == '/') {
          set[c] = true;
          i++;
        } else {
          return null;
        }
        int times = 1;
        if (i < body.length() && body.charAt(i) == '{') {
          int end = body.indexOf('}', i);
          String count = end < 0 ? "" : body.substring(i + 1, end);
          if (!count.matches("[0-9]{1,3}")) {
            return null;
          }
          times = Integer.parseInt(count);
          i = end + 1;
        }
        for (int t = 0; t < times; t++) {
          positions.add(set);
        }
      }
      return positions.isEmpty() ? null : new FixedShape(positions);
    }

    boolean matches(CharSequence text) {
      if (text.length() != allowed.length) {
        return false;
      }
      for (int i = 0; i < allowed.length; i++) {
        char c = text.charAt(i);
        if (c >= 128 || !allowed[i][c]) {
          return false;
        }
      }
      return true;
    }

    /** {@code 0-9a-f} style classes of ASCII letters and digits only, no negation. */
    private static boolean charClass(String spec, boolean[] set) {
      if (spec.isEmpty()) {
        return false;
      }
      for (int i = 0; i < spec.length(); i++) {
        char from = spec.charAt(i);
        if (from >= 128 || !Character.isLetterOrDigit(from)) {
          return false;
        }
        char to = from;
        if (i + 2 < spec.length() && spec.charAt(i + 1) == '-') {
          to = spec.charAt(i + 2);
          if (to >= 128 || !Character.isLetterOrDigit(to) || to < from) {
            return false;
          }
          i += 2;
        }
        for (char x = from; x <= to; x++) {
          set[x] = true;
        }
      }
      return true;
    }

    private static boolean isPunctuation(char c) {
      return c < 128 && !Character.isLetterOrDigit(c) && c > ' ';
    }
  }

  /** A constraint or shape this precheck does not evaluate: the validator decides. */
  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }
}
