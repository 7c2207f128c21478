/**
 * A Java client for the CSBS resources/action API: start at
 * {@link io.github.csbscontract.client.CsbsClient}.
 *
 * <p>A real descriptor, not an automatic module: OkHttp 5 and Jackson are explicit modules, which
 * an automatic module cannot make the module system resolve, so an application that required
 * only this module failed at run time with {@code NoClassDefFoundError: okhttp3/Interceptor}.
 * examples/modulepath runs a consumer on the module path.
 */
module io.github.csbscontract.client {
  // In the API: Builder.okHttpClient(OkHttpClient) and Builder.objectMapper(ObjectMapper).
  requires transitive okhttp3;
  requires transitive com.fasterxml.jackson.databind;
  // okio (OkHttp's, which it requires transitively) and Retrofit are automatic modules.
  requires retrofit2;
  requires io.github.csbscontract.core;
  requires jakarta.validation;
  requires jakarta.annotation;
  requires org.hibernate.validator;

  exports io.github.csbscontract.client;
  // The generated models are not the API; Jackson, Hibernate Validator and the core's precheck
  // read and write them by reflection.
  opens io.github.csbscontract.client.model;
}
