package io.github.csbscontract.jaxrs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csbscontract.service.ServiceMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * Hands the service's Jackson configuration ({@link ServiceMapper}) to the JAX-RS runtime, to
 * read requests and write answers with. Registered by {@link CsbsFeature}; without it a runtime's
 * own defaults decide, and some bad bodies pass.
 *
 * <p>Its {@link Priority} makes it win over a resolver the runtime registers without one, as
 * Spring Boot's Jersey starter does with the application's {@code ObjectMapper}: Jersey asks
 * ranked resolvers first, and 1 is also the first by the JAX-RS rule (lower first).
 */
@Priority(ServiceJson.PRIORITY)
public final class ServiceJson implements ContextResolver<ObjectMapper> {

  /** Ahead of unranked resolvers under both Jersey's ranking (higher first) and JAX-RS's (lower first). */
  static final int PRIORITY = 1;

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return ServiceMapper.mapper();
  }
}
