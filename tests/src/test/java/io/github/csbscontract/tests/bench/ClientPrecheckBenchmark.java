package io.github.csbscontract.tests.bench;

import io.github.csbscontract.client.model.ResourceActionRequest;
import io.github.csbscontract.client.model.RestorableParam;
import io.github.csbscontract.client.model.RestorableTarget;
import io.github.csbscontract.client.model.RestoreVolumeMapping;
import io.github.csbscontract.core.validation.ConstraintPrecheck;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What {@link ConstraintPrecheck} saves the client on each valid request: the client's own
 * generated request model, checked by the precheck (the client's path for a valid request) and by
 * Hibernate Validator alone (its path without the precheck), configured as the client configures
 * it. The difference is the precheck's gain per call, to be set against a call's round trip
 * ({@link ClientOverheadBenchmark}); it decides which module the precheck belongs in.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientPrecheckBenchmark {

  @Param({"1", "100"})
  int items;

  private Validator validator;
  private ConstraintPrecheck precheck;
  private ResourceActionRequest request;

  @Setup
  public void setUp() {
    validator = Validation.byProvider(HibernateValidator.class).configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory().getValidator();
    precheck = ConstraintPrecheck.forBeans(validator);
    RestorableParam item = new RestorableParam().checkpointItemId("8986ce68-3da7-4d29-9cc2-1921e9504975")
        .target(new RestorableTarget().resourceId("5aa119a8-d25b-45a7-8d1b-88e127885635")
            .resourceType("OS::Nova::Server")
            .volumes(List.of(new RestoreVolumeMapping().backupId("7ea119a8-d25b-43a7-8d1b-88e12788513a")
                .volumeId("45baf976-c20a-4894-a7c3-c94b7376bf55"))));
    request = new ResourceActionRequest().checkRestorable(Collections.nCopies(items, item));
    if (!precheck.passesBean(request) || !validator.validate(request).isEmpty()) {
      throw new IllegalStateException("the benchmark request must be valid");
    }
  }

  /** The client's path for a valid request. */
  @Benchmark
  public boolean precheck() {
    return precheck.passesBean(request);
  }

  /** The same request without the precheck: Hibernate Validator alone. */
  @Benchmark
  public Set<ConstraintViolation<ResourceActionRequest>> hibernateValidator() {
    return validator.validate(request);
  }
}
