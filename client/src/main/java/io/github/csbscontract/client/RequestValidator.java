package io.github.csbscontract.client;

import io.github.csbscontract.client.model.ProtectableParam;
import io.github.csbscontract.client.model.ResourceActionRequest;
import io.github.csbscontract.client.model.RestorableParam;
import io.github.csbscontract.client.model.RestorableTarget;
import io.github.csbscontract.client.model.RestoreVolumeMapping;
import io.github.csbscontract.core.validation.ConstraintPrecheck;
import io.github.csbscontract.core.validation.JsonPaths;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a request against the spec's constraints, which the generator put on the models.
 *
 * <p>The client refuses only what the service's documents forbid (a missing mandatory field, an
 * ID that is not 36 characters long). The contract's own choices ({@link #CONTRACT_CHOICES}: the
 * lower-case UUID pattern, the item and mapping counts, the form of a type name, the fields of a
 * check_protectable item) are the stand-in's to enforce: the real service may accept what they
 * forbid, and a client must not refuse a request the service would answer.
 *
 * <p>One per JVM ({@link #shared()}), made by the first call that validates, not by
 * {@code build()}: a Hibernate Validator factory takes about a second to start and reads the
 * models' metadata again each time, so one per client made every {@code build()} slow. The
 * validator, the precheck and their caches are thread-safe.
 */
final class RequestValidator implements AutoCloseable {

  private static final AtomicInteger CREATED = new AtomicInteger();

  /**
   * The constraints of the generated models that are the contract's choices, not documented
   * ({@code x-contract-choice} in openapi.yaml): a violation of one of these alone is not refused.
   * ContractChoicesTest holds this list to the spec's marks.
   */
  static final Set<Choice> CONTRACT_CHOICES = Set.of(
      new Choice(ResourceActionRequest.class, "checkRestorable", Size.class),
      new Choice(ResourceActionRequest.class, "checkProtectable", Size.class),
      new Choice(RestorableParam.class, "checkpointItemId", Pattern.class),
      new Choice(RestorableTarget.class, "resourceId", Pattern.class),
      new Choice(RestorableTarget.class, "resourceType", Size.class),
      new Choice(RestorableTarget.class, "resourceType", Pattern.class),
      new Choice(RestorableTarget.class, "volumes", Size.class),
      new Choice(RestoreVolumeMapping.class, "backupId", Pattern.class),
      new Choice(RestoreVolumeMapping.class, "volumeId", Pattern.class),
      new Choice(ProtectableParam.class, "resourceId", NotNull.class),
      new Choice(ProtectableParam.class, "resourceId", Pattern.class),
      new Choice(ProtectableParam.class, "resourceType", NotNull.class),
      new Choice(ProtectableParam.class, "resourceType", Size.class),
      new Choice(ProtectableParam.class, "resourceType", Pattern.class));

  /** One constraint annotation on one property of a generated model. */
  record Choice(Class<?> model, String property, Class<? extends Annotation> constraint) {}

  private final ValidatorFactory factory;
  private final Validator validator;
  private final ConstraintPrecheck precheck;
  private final boolean contractChoices;

  /** A validator of its own that refuses what the documents forbid; the client uses {@link #shared()}. */
  RequestValidator() {
    this(false);
  }

  /**
   * A validator of its own.
   *
   * @param contractChoices whether to refuse what only a contract choice forbids too (as the
   *     reference server does)
   */
  RequestValidator(boolean contractChoices) {
    this.contractChoices = contractChoices;
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
        .filter(violation -> contractChoices || !isContractChoice(violation))
        .map(RequestValidator::describe)
        .sorted()
        .distinct()
        .toList();
  }

  private static boolean isContractChoice(ConstraintViolation<?> violation) {
    Object bean = violation.getLeafBean();
    String property = null;
    for (var node : violation.getPropertyPath()) {
      property = node.getName();
    }
    return bean != null && CONTRACT_CHOICES.contains(new Choice(bean.getClass(), property,
        violation.getConstraintDescriptor().getAnnotation().annotationType()));
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
