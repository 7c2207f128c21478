package io.github.csbscontract.examples.quarkus;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The service at the root path. Non-blocking: the rules look data up in memory and never wait,
 * so requests are answered on the Vert.x event loops, without a hop to a worker thread.
 */
@ApplicationPath("/")
@NonBlocking
public class CsbsApplication extends Application {}
