package io.github.csbscontract.server.http;

import io.github.csbscontract.server.catalog.Catalog;
import io.github.csbscontract.server.catalog.Project;
import io.github.csbscontract.server.http.ApiError.GatewayError;
import io.github.csbscontract.server.rules.CsbsError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the API gateway in front of CSBS does before the service sees a request: token check
 * (401, or 403 for another project's token), content type (415) and body size (413). Runs
 * before matching so that these answers come first, in that order.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class GatewayFilter implements ContainerRequestFilter {

  static final String TOKEN_HEADER = "X-Auth-Token";

  /** Largest sum of header names and values answered in the service's error format. */
  public static final int MAX_HEADER_BYTES = 16 * 1024;

  private static final Pattern OPERATION = Pattern.compile("^/?v1/([^/]*)/providers/[^/]*/resources/action/?$");

  private final Catalog catalog;
  private final long maxBodyBytes;

  public GatewayFilter(Catalog catalog, long maxBodyBytes) {
    this.catalog = catalog;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    // The service answers JSON whatever the client accepts, as the real one does.
    request.getHeaders().remove(HttpHeaders.ACCEPT);
    if (headerBytes(request) > MAX_HEADER_BYTES) {
      throw ApiError.gateway(400, GatewayError.HEADERS_TOO_LARGE);
    }
    Matcher operation = OPERATION.matcher(request.getUriInfo().getPath(false));
    MediaType type = mediaType(request);
    if (!HttpMethod.POST.equals(request.getMethod()) || !operation.matches()) {
      return;
    }
    authenticate(request.getHeaderString(TOKEN_HEADER), operation.group(1));
    if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.isWildcardType()
        || type.isWildcardSubtype()) {
      throw ApiError.unsupportedMediaType();
    }
    if (request.getLength() > maxBodyBytes) {
      throw ApiError.gateway(413, GatewayError.ENTITY_TOO_LARGE);
    }
    request.setEntityStream(new LimitedInputStream(request.getEntityStream(), maxBodyBytes, request.getLength()));
  }

  /**
   * The request's media type; null when absent or unreadable. An unreadable one is dropped, so
   * that nothing later in the request path trips over it: the operation then answers 415.
   */
  private static MediaType mediaType(ContainerRequestContext request) {
    try {
      return request.getMediaType();
    } catch (RuntimeException unreadable) {
      request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
      return null;
    }
  }

  private static long headerBytes(ContainerRequestContext request) {
    long bytes = 0;
    for (var header : request.getHeaders().entrySet()) {
      for (String value : header.getValue()) {
        bytes += header.getKey().length() + value.length() + 4;
      }
    }
    return bytes;
  }

  private void authenticate(String token, String projectId) {
    if (token == null || token.isBlank()) {
      throw ApiError.gateway(401, GatewayError.TOKEN_MISSING);
    }
    Optional<Project> project = catalog.projectForToken(token);
    if (project.isEmpty()) {
      throw ApiError.gateway(401, GatewayError.TOKEN_INVALID);
    }
    if (!project.get().id().equals(projectId)) {
      throw ApiError.service(403, CsbsError.USER_UNVERIFIED);
    }
  }

  /**
   * Stops a body without Content-Length (chunked) once it passes the limit, and ends a body
   * with one at its declared length. Grizzly does not do the latter for a request carrying an
   * {@code Upgrade} header (the JDK's HTTP client sends {@code Upgrade: h2c} by default): it
   * hands the connection's raw bytes on, and a reader waiting for more would hang.
   */
  static final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final long declaredLength;
    private long count;

    LimitedInputStream(InputStream in, long limit, long declaredLength) {
      super(in);
      this.limit = limit;
      this.declaredLength = declaredLength;
    }

    @Override
    public int read() throws IOException {
      if (declaredLength >= 0 && count >= declaredLength) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (declaredLength >= 0) {
        if (count >= declaredLength) {
          return -1;
        }
        length = (int) Math.min(length, declaredLength - count);
      }
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) {
      count += n;
      if (count > limit) {
        throw ApiError.gateway(413, GatewayError.ENTITY_TOO_LARGE);
      }
    }
  }
}
