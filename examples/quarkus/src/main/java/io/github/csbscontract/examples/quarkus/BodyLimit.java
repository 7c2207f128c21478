package io.github.csbscontract.examples.quarkus;

import io.github.csbscontract.jaxrs.CsbsBodyLimit;
import io.github.csbscontract.jaxrs.CsbsFeature;
import jakarta.ws.rs.ext.Provider;

/**
 * The body limit for chunked bodies. Quarkus REST sets up reader interceptors at build time from
 * {@code @Provider} classes, not from what a {@code Feature} registers.
 */
@Provider
public class BodyLimit extends CsbsBodyLimit {

  public BodyLimit() {
    super(CsbsFeature.DEFAULT_MAX_BODY_BYTES);
  }
}
