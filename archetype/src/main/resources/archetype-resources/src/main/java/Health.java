package ${package};

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /health}: {@code {"status":"UP"}} while the service answers, as the reference server
 * says it; for a load balancer or an orchestrator's liveness probe. Add a check of your store
 * here if a probe should take the service out of rotation when the store is down.
 */
@Path("/health")
public class Health {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String health() {
    return "{\"status\":\"UP\"}";
  }
}
