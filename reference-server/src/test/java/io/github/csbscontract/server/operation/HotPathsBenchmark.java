package io.github.csbscontract.server.operation;

import io.github.csbscontract.service.ServiceMapper;
import io.github.csbscontract.core.validation.ConstraintPrecheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.catalog.CatalogLoader;
import io.github.csbscontract.server.api.ResourcesApi;
import io.github.csbscontract.server.model.CheckResp;
import io.github.csbscontract.server.model.ResourceActionRequest;
import io.github.csbscontract.server.model.ResourceActionResponse;
import io.github.csbscontract.core.Contract;
import io.github.csbscontract.rules.CapabilityChecks;
import io.github.csbscontract.service.CapabilityResource;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Collections;
import java.util.Set;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The server's hot paths without HTTP: the rules per batch, JSON in and out, and the two ways
 * of checking the body's constraints. In the server's package, to reach its package-private
 * parts without making them public API.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HotPathsBenchmark {

  private static final String PROJECT = "0605767ab000d4c12f3bc0033d9d5d06";
  private static final String ITEM = "{\"checkpoint_item_id\":\"8986ce68-3da7-4d29-9cc2-1921e9504975\",\"target\":"
      + "{\"resource_type\":\"OS::Nova::Server\",\"resource_id\":\"5aa119a8-d25b-45a7-8d1b-88e127885635\",\"volumes\":"
      + "[{\"backup_id\":\"7ea119a8-d25b-43a7-8d1b-88e12788513a\",\"volume_id\":\"45baf976-c20a-4894-a7c3-c94b7376bf55\"}]}}";

  @Param({"1", "100"})
  int items;

  private CapabilityChecks checks;
  private ObjectMapper json;
  private byte[] requestBytes;
  private ResourceActionRequest request;
  private ResourceActionResponse response;
  private Validator validator;
  private ConstraintPrecheck precheck;
  private Object[] arguments;
  private CapabilityResource resource;

  @Setup
  public void setUp() throws Exception {
    Catalog catalog = CatalogLoader.demo();
    checks = new CapabilityChecks(catalog);
    json = ServiceMapper.mapper();
    requestBytes = ("{\"check_restorable\":[" + String.join(",", Collections.nCopies(items, ITEM)) + "]}").getBytes();
    request = json.readValue(requestBytes, ResourceActionRequest.class);
    response = new ResourceActionResponse().restorable(checks.checkRestorable(PROJECT, request.getCheckRestorable()));
    validator = Validation.buildDefaultValidatorFactory().getValidator();
    precheck = ConstraintPrecheck.forParameters(validator, Operation.of(ResourcesApi.class).method);
    arguments = new Object[] {PROJECT, Contract.CSBS_PROVIDER_ID, request};
    resource = new CapabilityResource(catalog);
    if (!precheck.passes(arguments) || !validator.forExecutables()
        .validateParameters(resource, precheck.method(), arguments).isEmpty()) {
      throw new IllegalStateException("the benchmark request must be valid");
    }
  }

  /** Bean Validation of the request body, as the server runs it before the rules. */
  @Benchmark
  public Set<ConstraintViolation<ResourceActionRequest>> validateRequest() {
    return validator.validate(request);
  }

  /** The arguments as the server checks them first: the precheck compiled from the same constraints. */
  @Benchmark
  public boolean precheckArguments() {
    return precheck.passes(arguments);
  }

  /** The arguments as Hibernate Validator checks them (the server's path when the precheck says no). */
  @Benchmark
  public Set<ConstraintViolation<CapabilityResource>> validateArguments() {
    return validator.forExecutables().validateParameters(resource, precheck.method(), arguments);
  }

  /** All rules over the batch, against the demo catalog. */
  @Benchmark
  public List<CheckResp> rules() {
    return checks.checkRestorable(PROJECT, request.getCheckRestorable());
  }

  @Benchmark
  public ResourceActionRequest readRequest() throws Exception {
    return json.readValue(requestBytes, ResourceActionRequest.class);
  }

  @Benchmark
  public byte[] writeResponse() throws Exception {
    return json.writeValueAsBytes(response);
  }
}
