package io.github.csbscontract.examples.boot;

import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.catalog.DemoCatalog;
import io.github.csbscontract.jaxrs.CsbsFeature;
import io.github.csbscontract.service.CapabilityResource;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The service on Spring Boot with {@code spring-boot-starter-jersey}: the Jersey application is
 * a {@link ResourceConfig} bean with {@link CapabilityResource} over the demo catalog and
 * {@link CsbsFeature}. Boot's starter also registers a JSON resolver with the application's
 * {@code ObjectMapper}; the feature's own ({@code ServiceJson}) carries a priority that makes
 * Jersey ask it first, so the contract's strict JSON holds in the packaged jar too.
 *
 * <pre>java -jar target/csbs-example-boot.jar [--server.port=8080] [--server.address=127.0.0.1]</pre>
 */
@SpringBootApplication
public class BootApplication {

  public static void main(String[] args) {
    SpringApplication.run(BootApplication.class, args);
  }

  /** The data: produce your own Inventory and TokenLookup instead. */
  @Bean
  Catalog catalog() {
    return DemoCatalog.load();
  }

  @Bean
  ResourceConfig jersey(Catalog catalog) {
    return new ResourceConfig()
        .register(new CapabilityResource(catalog))
        .register(new CsbsFeature(catalog))
        // The service answers OPTIONS like any other method it does not serve.
        .property(ServerProperties.WADL_FEATURE_DISABLE, true);
  }
}
