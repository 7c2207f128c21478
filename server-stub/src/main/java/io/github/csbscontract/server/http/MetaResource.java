package io.github.csbscontract.server.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * What the reference server offers besides the API: the spec it implements, its rendered
 * reference, and a health check.
 */
@Path("/")
public final class MetaResource {

  static final String SPEC_RESOURCE = "io/github/csbscontract/spec/openapi.yaml";
  static final String DOCS_RESOURCE = "io/github/csbscontract/spec/docs.html";

  private static final byte[] SPEC = read(SPEC_RESOURCE);
  private static final byte[] DOCS = read(DOCS_RESOURCE);

  @GET
  public Response root() {
    return Response.seeOther(URI.create("/docs")).build();
  }

  @GET
  @Path("docs")
  @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
  public byte[] docs() {
    return DOCS;
  }

  @GET
  @Path("openapi.yaml")
  @Produces("application/yaml")
  public byte[] spec() {
    return SPEC;
  }

  @GET
  @Path("health")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> health() {
    return Map.of("status", "UP");
  }

  private static byte[] read(String resource) {
    try (InputStream in = MetaResource.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing: the spec jar is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
