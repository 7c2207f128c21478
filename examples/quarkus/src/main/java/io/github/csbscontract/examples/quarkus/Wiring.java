package io.github.csbscontract.examples.quarkus;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.catalog.DemoCatalog;
import io.github.csbscontract.service.ServiceMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The data behind the service and the JSON it speaks. Produce your own data instead of the demo
 * catalog: it is the {@code Inventory} that {@code CapabilityResource} is built with and the
 * {@code TokenLookup} of {@link ServiceFeature}.
 */
public class Wiring {

  @Produces
  @Singleton
  Catalog demoCatalog() {
    return DemoCatalog.load();
  }

  /**
   * Jackson as the spec wants it (strict types, unknown top-level fields refused, no null fields in
   * answers). Quarkus REST reads and writes with the ObjectMapper bean and looks for a
   * {@code ContextResolver} only at build time, so the one {@code CsbsFeature} registers is not
   * seen here.
   */
  @Produces
  @Singleton
  ObjectMapper objectMapper() {
    return ServiceMapper.mapper();
  }
}
