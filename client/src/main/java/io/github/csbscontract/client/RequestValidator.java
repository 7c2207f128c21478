package io.github.csbscontract.client;

import io.github.csbscontract.client.model.ResourceActionRequest;
import io.github.csbscontract.core.validation.ConstraintPrecheck;
import io.github.csbscontract.core.validation.JsonPaths;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a request against the spec's constraints, which the generator put on the models.
 *
 * <p>One per JVM ({@link #shared()}), made by the first call that validates, not by
 * {@code build()}: a Hibernate Validator factory takes about a second to start and reads the
 * models' metadata again each time, so one per client made every {@code build()} slow. The
 * validator, the precheck and their caches are thread-safe.
 */
final class RequestValidator implements AutoCloseable {

  private static final AtomicInteger CREATED = new AtomicInteger();

  private final ValidatorFactory factory;
  private final Validator validator;
  private final ConstraintPrecheck precheck;

  /** A validator of its own; the client uses {@link #shared()}. */
  RequestValidator() {
    CREATED.incrementAndGet();
    // The parameter interpolator needs no Jakarta EL on the classpath of client users.
    factory = Validation.byProvider(HibernateValidator.class).configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
    validator = factory.getValidator();
    precheck = ConstraintPrecheck.forBeans(validator);
  }

  /** The JVM's one, created on first use (the holder class loads then; the JVM makes that thread-safe). */
  static RequestValidator shared() {
    return Shared.INSTANCE;
  }

  /** How many were made in this JVM, so that tests can see when. */
  static int created() {
    return CREATED.get();
  }

  private static final class Shared {
    static final RequestValidator INSTANCE = new RequestValidator();
  }

  /** Violations as {@code json.path: rule}, sorted; empty when the request is valid. */
  List<String> violations(ResourceActionRequest request) {
    // The precheck finds a valid request valid in a fraction of the validator's time; anything
    // else, the validator describes.
    if (precheck.passesBean(request)) {
      return List.of();
    }
    return validator.validate(request).stream()
        .map(RequestValidator::describe)
        .sorted()
        .distinct()
        .toList();
  }

  private static String describe(ConstraintViolation<?> violation) {
    return JsonPaths.of(violation.getPropertyPath()) + ": " + violation.getMessage();
  }

  /** Closes a validator of its own; the shared one lives as long as the JVM. */
  @Override
  public void close() {
    factory.close();
  }
}
