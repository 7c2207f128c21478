package io.github.csbscontract.jaxrs;

import io.github.csbscontract.core.Contract;
import io.github.csbscontract.service.CsbsRequestException;
import io.github.csbscontract.service.GatewayChecks;
import io.github.csbscontract.service.GatewayRefusal;
import io.github.csbscontract.service.TokenLookup;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * What the API gateway in front of CSBS checks before the service reads a request for the
 * operation ({@link GatewayChecks}, as the reference server checks it) on a JAX-RS runtime. Other paths and methods are
 * left to the runtime, whose 404 and 405 {@link ServiceAnswers} words as the gateway does; a
 * chunked body is held to the limit by {@link CsbsBodyLimit} as it is read.
 *
 * <p>Pre-matching, so that it decides before the runtime's own content-type matching would.
 */
@PreMatching
public final class CsbsGateway implements ContainerRequestFilter {

  private static final String[] OPERATION = segments(Contract.OPERATION_PATH);
  private static final int PROJECT_SEGMENT = List.of(OPERATION).indexOf("{project_id}");

  private final GatewayChecks checks;

  public CsbsGateway(TokenLookup tokens, long maxBodyBytes) {
    this.checks = new GatewayChecks(tokens, maxBodyBytes);
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
    List<String> tokens = request.getHeaders().get(Contract.TOKEN_HEADER);
    try {
      checks.admit(tokens == null ? List.of() : tokens, projectId, request.getHeaderString(HttpHeaders.CONTENT_TYPE),
          request.getLength());
    } catch (GatewayRefusal refused) {
      request.abortWith(ServiceAnswers.gateway(refused.error()));
    } catch (CsbsRequestException refused) {
      request.abortWith(ServiceAnswers.refusal(refused));
    }
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
}
