package io.github.csbscontract.core.validation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cuts every list longer than its {@code @Size} maximum to one element past it, in a model and
 * in every model it cascades to ({@code @Valid}), before Bean Validation sees them.
 *
 * <p>Why: the validator reports every invalid element of a list, whatever the list's size
 * limit says: a 1 MiB body of 340,000 empty items made 680,000 violations, and each is an object
 * graph with its path and message, which ran a 128 MiB heap out of memory. A cut list still
 * breaks its limit (the same violation, which sorts before its elements' in the service's
 * message), and only its first max + 1 elements are checked.
 *
 * <p>Changes the model in place: use it only on a model that is about to be validated and
 * refused (a list over its maximum always is), never on one that is then sent or served.
 *
 * <p>Reads the annotations the OpenAPI generators write on the models: {@code @Size} on the
 * getter, {@code @Valid} on the getter, the field or the list's element type.
 */
public final class OversizedLists {

  private static final Map<Class<?>, List<ListProperty>> PLANS = new ConcurrentHashMap<>();

  private OversizedLists() {}

  /** Cuts the oversized lists of {@code model} and of the models it holds; true if any was cut. */
  public static boolean cut(Object model) {
    if (model == null || isPlain(model.getClass())) {
      return false;
    }
    boolean cut = false;
    for (ListProperty property : PLANS.computeIfAbsent(model.getClass(), OversizedLists::plan)) {
      cut |= property.cut(model);
    }
    return cut;
  }

  private static boolean isPlain(Class<?> type) {
    return type.isPrimitive() || type.isEnum() || type.getName().startsWith("java.");
  }

  /** The list-valued and cascaded properties of a model class. */
  private static List<ListProperty> plan(Class<?> type) {
    List<ListProperty> properties = new ArrayList<>();
    for (Method getter : type.getMethods()) {
      if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      String name = getter.getName().substring(3);
      Size size = getter.getAnnotation(Size.class);
      boolean isList = List.class.isAssignableFrom(getter.getReturnType());
      boolean cascaded = isCascaded(type, getter, name);
      if (!(isList && size != null) && !cascaded) {
        continue;
      }
      Method setter = isList ? setter(type, name, getter.getReturnType()) : null;
      properties.add(new ListProperty(getter, setter, isList && size != null ? size.max() : Integer.MAX_VALUE, cascaded));
    }
    return List.copyOf(properties);
  }

  private static boolean isCascaded(Class<?> type, Method getter, String name) {
    if (getter.isAnnotationPresent(Valid.class) || elementIsValid(getter.getAnnotatedReturnType())) {
      return true;
    }
    Field field = field(type, Character.toLowerCase(name.charAt(0)) + name.substring(1));
    return field != null && (field.isAnnotationPresent(Valid.class) || elementIsValid(field.getAnnotatedType()));
  }

  private static boolean elementIsValid(AnnotatedType type) {
    if (type instanceof AnnotatedParameterizedType parameterized) {
      for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
        if (argument.isAnnotationPresent(Valid.class)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Field field(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        return c.getDeclaredField(name);
      } catch (NoSuchFieldException notHere) {
        // Up the hierarchy.
      }
    }
    return null;
  }

  private static Method setter(Class<?> type, String name, Class<?> listType) {
    try {
      return type.getMethod("set" + name, listType);
    } catch (NoSuchMethodException none) {
      return null;
    }
  }

  private record ListProperty(Method getter, Method setter, int max, boolean cascaded) {

    boolean cut(Object model) {
      Object value = invoke(getter, model);
      boolean cut = false;
      if (value instanceof List<?> list) {
        if (list.size() > max && max < Integer.MAX_VALUE - 1 && setter != null) {
          list = new ArrayList<>(list.subList(0, max + 1));
          invoke(setter, model, list);
          cut = true;
        }
        if (cascaded) {
          for (Object element : list) {
            cut |= OversizedLists.cut(element);
          }
        }
      } else if (cascaded) {
        cut = OversizedLists.cut(value);
      }
      return cut;
    }

    private static Object invoke(Method method, Object target, Object... args) {
      try {
        return method.invoke(target, args);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot call " + method + " of the model", e);
      }
    }
  }
}
