package io.github.csbscontract.server.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** What the reference server offers besides the API: the spec it implements, and a health check. */
@Path("/")
public final class MetaResource {

  static final String SPEC_RESOURCE = "io/github/csbscontract/spec/openapi.yaml";

  private static final byte[] SPEC = readSpec();

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

  private static byte[] readSpec() {
    try (InputStream in = MetaResource.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SPEC_RESOURCE + " is missing: the spec jar is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
