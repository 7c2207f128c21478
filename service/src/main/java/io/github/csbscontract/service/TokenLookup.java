package io.github.csbscontract.service;

import java.util.Optional;

/**
 * What the API gateway in front of the service knows of an IAM token: the project it is scoped
 * to, and whether its user is verified. Implement it over your identity service; the catalogs of
 * {@code csbs-restore-check-catalog} are one implementation.
 */
@FunctionalInterface
public interface TokenLookup {

  /** The token's scope; empty for a token that is not valid (unknown, expired). */
  Optional<TokenScope> scopeOf(String token);

  /**
   * @param projectId the project the token is scoped to
   * @param userVerified false for a user whose account is not verified (403 {@code CSBS.9009})
   */
  record TokenScope(String projectId, boolean userVerified) {}
}
