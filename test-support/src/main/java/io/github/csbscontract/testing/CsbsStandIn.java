package io.github.csbscontract.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the CSBS reference server in-process for this test class, on 127.0.0.1 and a free port,
 * with the service's rules over a catalog (the demo catalog unless a static method annotated
 * {@link CsbsCatalog} builds one). Test methods (and lifecycle methods) may take a
 * {@link StandIn}, a ready {@code CsbsClient}, the server's {@code Faults} and {@code RequestLog},
 * or its base URL (a {@code URI}, or a {@code String} annotated {@link BaseUrl}). Before each
 * test, faults and recorded requests are cleared and the class's catalog is back.
 *
 * <pre>
 * &#64;CsbsStandIn
 * class RestorePlannerTest {
 *   &#64;Test
 *   void retriesWhenTheServiceIsBusy(StandIn csbs, CsbsClient client) {
 *     csbs.faults().add(Fault.serviceUnavailable().times(1));
 *     ...
 *   }
 * }
 * </pre>
 *
 * Classes run in parallel get a server each.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CsbsStandInExtension.class)
public @interface CsbsStandIn {

  /** One server for the class (the default), or a fresh one for each test. */
  Lifecycle lifecycle() default Lifecycle.PER_CLASS;

  /** A catalog file on the classpath (for example {@code "catalogs/shop.json"}); empty for the demo catalog. */
  String catalogResource() default "";

  /** Whether the admin API under {@code /_csbs/} is on too (for code under test that is not Java). */
  boolean admin() default false;

  /**
   * Options of the server as command-line flags and values, for example
   * {@code {"--max-body-bytes", "2048", "--body-timeout", "500ms"}}: the limits and timeouts of
   * {@code ServerOptions.USAGE}. Host, port, catalog and admin API are this annotation's to set.
   */
  String[] serverOptions() default {};

  /** How long the server lives. */
  enum Lifecycle {
    PER_CLASS,
    PER_METHOD
  }
}
