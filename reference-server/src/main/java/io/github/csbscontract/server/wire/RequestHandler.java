package io.github.csbscontract.server.wire;

/**
 * The next link after the wire: gets each request that passed the wire's checks, on its
 * connection's event loop, one at a time per connection. It must not block; a refusal it throws
 * ({@link ApiError}, or any other exception as a 500) is answered in the service's format.
 */
@FunctionalInterface
public interface RequestHandler {
  void handle(Exchange exchange);
}
