package io.github.csbscontract.server.http;

import io.github.csbscontract.core.Contract;
import io.github.csbscontract.jaxrs.RequestError;
import io.github.csbscontract.server.catalog.LiveCatalog;
import io.github.csbscontract.server.catalog.Project;
import io.github.csbscontract.server.http.ApiError.GatewayError;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.List;
import java.util.Optional;

/**
 * What the API gateway in front of CSBS checks before the service reads a request: the token
 * (401; 403 for another project's token, then 403 for an unverified user), the content type
 * (415) and the declared body size (413), in that order. Its header-size limit (400) comes first
 * and is the HTTP decoder's, set from {@link #MAX_HEADER_BYTES} ({@link ConnectionSetup}).
 */
final class Gateway {

  /** Largest header block; past it the answer is 400 APIG.0201 (the HTTP decoder enforces it). */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  private final LiveCatalog catalog;
  private final long maxBodyBytes;
  private final String consumes;

  Gateway(LiveCatalog catalog, long maxBodyBytes, String consumes) {
    this.catalog = catalog;
    this.maxBodyBytes = maxBodyBytes;
    this.consumes = consumes;
  }

  /**
   * Checks a request for the operation before its body is read.
   *
   * @param declaredLength the declared body length, or -1 when the body is chunked or absent
   */
  void admit(MultiMap headers, String projectId, long declaredLength) {
    authenticate(headers.getAll(Contract.TOKEN_HEADER), projectId);
    if (!isMediaType(headers.get(HttpHeaders.CONTENT_TYPE), consumes)) {
      throw ApiError.unsupportedMediaType();
    }
    if (declaredLength > maxBodyBytes) {
      throw ApiError.gateway(413, GatewayError.ENTITY_TOO_LARGE);
    }
  }

  private void authenticate(List<String> tokens, String projectId) {
    if (tokens.size() > 1) {
      // Which one would count is a guess an attacker could exploit: neither does.
      throw ApiError.gateway(401, GatewayError.TOKEN_REPEATED);
    }
    String token = tokens.isEmpty() ? null : tokens.get(0);
    if (token == null || token.isBlank()) {
      throw ApiError.gateway(401, GatewayError.TOKEN_MISSING);
    }
    Optional<Project> project = catalog.projectForToken(token);
    if (project.isEmpty()) {
      throw ApiError.gateway(401, GatewayError.TOKEN_INVALID);
    }
    if (!project.get().id().equals(projectId)) {
      throw ApiError.gateway(403, GatewayError.PROJECT_NOT_AUTHORIZED);
    }
    if (!project.get().verified()) {
      throw ApiError.service(403, RequestError.USER_UNVERIFIED);
    }
  }

  /**
   * Whether a Content-Type header names the wanted type ({@code type/subtype}, any case, any
   * parameters). Wildcards, unparseable and absent values do not: the operation answers 415.
   */
  static boolean isMediaType(String header, String wanted) {
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
