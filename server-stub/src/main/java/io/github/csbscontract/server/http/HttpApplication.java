package io.github.csbscontract.server.http;

import io.github.csbscontract.server.api.ResourcesApi;
import io.github.csbscontract.server.catalog.Catalog;
import io.github.csbscontract.server.rules.CapabilityChecks;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/** The Jersey application: the API resource, the gateway filter, JSON and error mapping. */
public final class HttpApplication extends ResourceConfig {

  public HttpApplication(Catalog catalog, long maxBodyBytes) {
    registerResources(bind(ResourcesApi.class, new ResourcesResource(new CapabilityChecks(catalog))));
    register(MetaResource.class);
    register(new GatewayFilter(catalog, maxBodyBytes));
    // Our mappers answer JSON errors in the service's format; Jackson's own would not.
    register(JacksonFeature.withoutExceptionMappers());
    register(Json.class);
    ErrorMappers.all().forEach(this::register);
    property(ServerProperties.WADL_FEATURE_DISABLE, true);
    property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false);
  }

  /**
   * The resource model read from the generated interface, handled by our instance. Jersey reads
   * {@code @Path} only from the registered class itself, not from an interface it implements;
   * binding the interface's model keeps the path, methods and media types where the generator
   * put them.
   */
  static <T> Resource bind(Class<T> api, T implementation) {
    Resource declared = Resource.from(api);
    Resource.Builder bound = Resource.builder(declared.getPath());
    for (ResourceMethod method : declared.getResourceMethods()) {
      bound.addMethod(method).handledBy(implementation, method.getInvocable().getHandlingMethod());
    }
    return bound.build();
  }
}
