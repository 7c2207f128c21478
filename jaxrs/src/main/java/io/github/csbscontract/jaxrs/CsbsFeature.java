package io.github.csbscontract.jaxrs;

import io.github.csbscontract.service.CapabilityResource;
import io.github.csbscontract.service.TokenLookup;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Everything a JAX-RS runtime needs around {@link CapabilityResource} to answer as the service
 * does: the gateway's checks ({@link CsbsGateway}, {@link CsbsBodyLimit}), Jackson as the spec
 * wants it ({@link ServiceJson}) and every refusal in the service's error format
 * ({@link ServiceAnswers}), including 503 {@code CSBS.0503} with {@code Retry-After} when the
 * inventory's store is unavailable ({@code StoreUnavailableException}). Register one instance:
 *
 * <pre>{@code
 * new ResourceConfig()
 *     .register(new CapabilityResource(inventory))
 *     .register(new CsbsFeature(tokens));
 * }</pre>
 *
 * On runtimes that discover providers (Quarkus REST), annotate a subclass with
 * {@code @Provider}. Bean Validation must be on: the runtime validates the arguments against the
 * generated interface's constraints, and this words its verdict.
 */
public class CsbsFeature implements Feature {

  /** The service's body limit: 1 MiB; larger bodies are answered 413. */
  public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  private final TokenLookup tokens;
  private final long maxBodyBytes;

  public CsbsFeature(TokenLookup tokens) {
    this(tokens, DEFAULT_MAX_BODY_BYTES);
  }

  public CsbsFeature(TokenLookup tokens, long maxBodyBytes) {
    if (tokens == null) {
      throw new IllegalArgumentException("tokens: a TokenLookup is required");
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes: must be positive, was " + maxBodyBytes);
    }
    this.tokens = tokens;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public boolean configure(FeatureContext context) {
    context.register(new CsbsGateway(tokens, maxBodyBytes));
    context.register(new CsbsBodyLimit(maxBodyBytes));
    context.register(new ServiceJson());
    context.register(new ServiceAnswers.Refused());
    context.register(new ServiceAnswers.GatewayRefused());
    context.register(new ServiceAnswers.Unavailable());
    context.register(new ServiceAnswers.UnknownPath());
    context.register(new ServiceAnswers.OtherMethod());
    context.register(new ServiceAnswers.NotJson());
    context.register(new ServiceAnswers.UnreadableJson());
    context.register(new ServiceAnswers.MalformedJson());
    context.register(new ServiceAnswers.UnmappableJson());
    context.register(new ServiceAnswers.MismatchedJson());
    context.register(new ServiceAnswers.Violations());
    context.register(new ServiceAnswers.OtherHttp());
    context.register(new ServiceAnswers.Unexpected());
    return true;
  }
}
