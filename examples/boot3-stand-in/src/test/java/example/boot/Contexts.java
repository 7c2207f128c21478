package example.boot;

import io.github.csbscontract.testing.StandIn;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application's context, its CSBS client pointed at the stand-in. */
final class Contexts {

  private Contexts() {}

  static ConfigurableApplicationContext against(StandIn csbs) {
    return new SpringApplicationBuilder(RestoreApplication.class)
        .web(WebApplicationType.NONE)
        .properties("csbs.base-url=" + csbs.baseUrl(), "csbs.project-id=" + csbs.projectId(), "csbs.token=" + csbs.token())
        .run();
  }
}
