package io.github.csbscontract.jaxrs;

import io.github.csbscontract.core.Contract;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/**
 * What the API gateway in front of CSBS checks before the service reads a request for the
 * operation, in the reference server's order: the token (401, or 403 for another project's
 * token), the content type (415) and the declared body size (413). Other paths and methods are
 * left to the runtime, whose 404 and 405 {@link ServiceAnswers} words as the gateway does; a
 * chunked body is held to the limit by {@link CsbsBodyLimit} as it is read.
 *
 * <p>Pre-matching, so that it decides before the runtime's own content-type matching would.
 */
@PreMatching
public final class CsbsGateway implements ContainerRequestFilter {

  private static final String[] OPERATION = segments(Contract.OPERATION_PATH);
  private static final int PROJECT_SEGMENT = List.of(OPERATION).indexOf("{project_id}");

  private final TokenLookup tokens;
  private final long maxBodyBytes;

  public CsbsGateway(TokenLookup tokens, long maxBodyBytes) {
    this.tokens = tokens;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!HttpMethod.POST.equals(request.getMethod())) {
      return;
    }
    String projectId = projectOf(rawPath(request.getUriInfo()));
    if (projectId == null) {
      return;
    }
    GatewayError tokenProblem = null;
    List<String> given = request.getHeaders().get(Contract.TOKEN_HEADER);
    if (given != null && given.size() > 1) {
      // Which one would count is a guess an attacker could exploit: neither does.
      tokenProblem = GatewayError.TOKEN_REPEATED;
    } else if (given == null || given.isEmpty() || given.get(0).isBlank()) {
      tokenProblem = GatewayError.TOKEN_MISSING;
    } else {
      Optional<String> project = tokens.projectOf(given.get(0));
      if (project.isEmpty()) {
        tokenProblem = GatewayError.TOKEN_INVALID;
      } else if (!project.get().equals(projectId)) {
        request.abortWith(ServiceAnswers.refusal(new CsbsRequestException(403, RequestError.USER_UNVERIFIED)));
        return;
      }
    }
    if (tokenProblem != null) {
      request.abortWith(ServiceAnswers.gateway(tokenProblem));
      return;
    }
    if (!isMediaType(request.getHeaderString(HttpHeaders.CONTENT_TYPE), "application/json")) {
      request.abortWith(ServiceAnswers.refusal(unsupportedMediaType()));
      return;
    }
    if (request.getLength() > maxBodyBytes) {
      request.abortWith(ServiceAnswers.gateway(GatewayError.ENTITY_TOO_LARGE));
    }
  }

  static CsbsRequestException unsupportedMediaType() {
    return new CsbsRequestException(415, RequestError.PARAMETER_INVALID, "Content-Type must be application/json");
  }

  /**
   * The request's path below the application's base, as sent (not every runtime offers
   * {@code getPath(false)}): an encoded slash must not make a segment of its own.
   */
  private static String rawPath(UriInfo uri) {
    String path = uri.getRequestUri().getRawPath();
    String base = uri.getBaseUri().getRawPath();
    if (base != null && base.length() > 1 && path.startsWith(base)) {
      return path.substring(base.endsWith("/") ? base.length() - 1 : base.length());
    }
    return path;
  }

  /** The project ID segment when the path is the operation's, else null. */
  static String projectOf(String path) {
    String[] given = segments(path);
    if (given.length != OPERATION.length) {
      return null;
    }
    for (int i = 0; i < given.length; i++) {
      boolean template = OPERATION[i].startsWith("{");
      if (template ? given[i].isEmpty() : !OPERATION[i].equals(given[i])) {
        return null;
      }
    }
    return given[PROJECT_SEGMENT];
  }

  private static String[] segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return trimmed.split("/", -1);
  }

  /**
   * Whether a Content-Type header names the wanted type ({@code type/subtype}, any case, any
   * well-formed parameters). Wildcards, unparseable and absent values do not: 415.
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
