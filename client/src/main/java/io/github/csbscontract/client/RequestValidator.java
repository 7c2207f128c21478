package io.github.csbscontract.client;

import io.github.csbscontract.client.model.ResourceActionRequest;
import io.github.csbscontract.core.validation.ConstraintPrecheck;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** Checks a request against the spec's constraints, which the generator put on the models. */
final class RequestValidator implements AutoCloseable {

  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

  private final ValidatorFactory factory;
  private final Validator validator;
  private final ConstraintPrecheck precheck;

  RequestValidator() {
    // The parameter interpolator needs no Jakarta EL on the classpath of client users.
    factory = Validation.byProvider(HibernateValidator.class).configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
    validator = factory.getValidator();
    precheck = ConstraintPrecheck.forBeans(validator);
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
    String path = violation.getPropertyPath().toString().replace(".<list element>", "");
    Matcher camel = CAMEL.matcher(path);
    return camel.replaceAll("$1_$2").toLowerCase(Locale.ROOT) + ": " + violation.getMessage();
  }

  @Override
  public void close() {
    factory.close();
  }
}
