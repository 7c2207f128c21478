package io.github.csbscontract.jaxrs;

import java.util.Optional;

/**
 * The project an IAM token is scoped to, as the API gateway in front of the service finds it.
 * Implement it over your identity service; the demo catalog is one implementation.
 */
@FunctionalInterface
public interface TokenLookup {

  /** The ID of the project the token is scoped to; empty for a token that is not valid. */
  Optional<String> projectOf(String token);
}
