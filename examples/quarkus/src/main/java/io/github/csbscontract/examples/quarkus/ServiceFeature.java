package io.github.csbscontract.examples.quarkus;

import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.jaxrs.CsbsFeature;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;

/** {@link CsbsFeature}, found by Quarkus REST through {@code @Provider}. */
@Provider
public class ServiceFeature extends CsbsFeature {

  @Inject
  public ServiceFeature(Catalog tokens) {
    super(tokens);
  }
}
