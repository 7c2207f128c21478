package io.github.csbscontract.service;

import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.service.TokenLookup.TokenScope;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the API gateway in front of CSBS checks before the service reads a request for the
 * operation, in order: the token (401; 403 for another project's token, then 403 for an
 * unverified user), the content type (415) and the declared body size (413). The JAX-RS adapter
 * ({@code CsbsGateway}) runs these on a JAX-RS runtime and the reference server on its own, so
 * both answer alike.
 */
public final class GatewayChecks {

  private final TokenLookup tokens;
  private final long maxBodyBytes;

  public GatewayChecks(TokenLookup tokens, long maxBodyBytes) {
    this.tokens = Objects.requireNonNull(tokens, "tokens == null");
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes: must be positive, was " + maxBodyBytes);
    }
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Passes, or throws {@link GatewayRefusal} (the gateway's codes) or
   * {@link CsbsRequestException} (the service's).
   *
   * @param tokenHeaders every {@code X-Auth-Token} value sent, in order
   * @param projectId the project of the request's path
   * @param declaredLength the declared body length, or -1 when the body is chunked or absent
   */
  public void admit(List<String> tokenHeaders, String projectId, String contentType, long declaredLength) {
    authenticate(tokenHeaders, projectId);
    if (!isMediaType(contentType, "application/json")) {
      throw new CsbsRequestException(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    }
    if (declaredLength > maxBodyBytes) {
      throw new GatewayRefusal(ErrorCode.ENTITY_TOO_LARGE);
    }
  }

  private void authenticate(List<String> tokenHeaders, String projectId) {
    if (tokenHeaders.size() > 1) {
      throw new GatewayRefusal(ErrorCode.TOKEN_REPEATED);
    }
    String token = tokenHeaders.isEmpty() ? null : tokenHeaders.get(0);
    if (token == null || token.isBlank()) {
      throw new GatewayRefusal(ErrorCode.TOKEN_MISSING);
    }
    Optional<TokenScope> scope = tokens.scopeOf(token);
    if (scope.isEmpty()) {
      throw new GatewayRefusal(ErrorCode.TOKEN_INVALID);
    }
    if (!scope.get().projectId().equals(projectId)) {
      // Another project's, whether that project exists or not: no token probes for project IDs.
      throw new GatewayRefusal(ErrorCode.PROJECT_NOT_AUTHORIZED);
    }
    if (!scope.get().userVerified()) {
      throw new CsbsRequestException(403, ErrorCode.USER_UNVERIFIED);
    }
  }

  /**
   * Whether a Content-Type header names the wanted type ({@code type/subtype}, any case, any
   * well-formed parameters). Wildcards, unparseable and absent values do not: 415.
   */
  public static boolean isMediaType(String header, String wanted) {
    if (header == null) {
      return false;
    }
    int semicolon = header.indexOf(';');
    String type = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
    if (semicolon >= 0 && !wellFormedParameters(header.substring(semicolon + 1))) {
      return false;
    }
    return type.equalsIgnoreCase(wanted);
  }

  /** {@code ; name=value} pairs, values plain tokens or quoted strings. */
  private static boolean wellFormedParameters(String parameters) {
    for (String parameter : parameters.split(";", -1)) {
      String p = parameter.trim();
      int equals = p.indexOf('=');
      if (equals <= 0 || p.substring(0, equals).isBlank()) {
        return false;
      }
      String value = p.substring(equals + 1).trim();
      boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
      if (value.isEmpty() || (!quoted && (value.indexOf('"') >= 0 || value.indexOf(' ') >= 0))) {
        return false;
      }
    }
    return true;
  }
}
