package io.github.csbscontract.examples.quarkus;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The service at the root path. Non-blocking: the rules look data up in memory and never wait,
 * so requests are answered on the Vert.x event loops, without a hop to a worker thread. An
 * {@code Inventory} that blocks (JDBC, a remote call) must not run there: drop this annotation
 * (Quarkus REST then runs the resource on a worker thread) or mark the resource {@code @Blocking}.
 */
@ApplicationPath("/")
@NonBlocking
public class CsbsApplication extends Application {}
