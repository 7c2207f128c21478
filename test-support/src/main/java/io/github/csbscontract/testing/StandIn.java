package io.github.csbscontract.testing;

import io.github.csbscontract.client.CsbsClient;
import io.github.csbscontract.server.ReferenceServer;
import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.catalog.Project;
import io.github.csbscontract.server.control.Faults;
import io.github.csbscontract.server.control.RecordedRequest;
import io.github.csbscontract.server.control.RequestLog;
import java.net.URI;
import java.util.List;

/**
 * The running stand-in of one test class (or test): where it listens, the project and token to
 * call it with, and its controls. Injected into test methods by {@link CsbsStandIn}.
 */
public final class StandIn {

  private final ReferenceServer server;

  StandIn(ReferenceServer server) {
    this.server = server;
  }

  /** {@code http://127.0.0.1:PORT/}. */
  public URI baseUri() {
    return server.baseUri();
  }

  /** {@code http://127.0.0.1:PORT/}, as text for a client's configuration. */
  public String baseUrl() {
    return server.baseUri().toString();
  }

  /** The first project of the catalog in use (the demo's {@code 0605767ab000d4c12f3bc0033d9d5d06}). */
  public String projectId() {
    return firstProject().id();
  }

  /** The first token of that project (the demo's {@code demo-token-project-a}). */
  public String token() {
    return firstProject().tokens().get(0);
  }

  /** Faults to apply; cleared before each test. */
  public Faults faults() {
    return server.faults();
  }

  /** The requests received on the operation's path; cleared before each test. */
  public RequestLog requests() {
    return server.requests();
  }

  /** The requests received, oldest first: a shortcut for {@code requests().all()}. */
  public List<RecordedRequest> recorded() {
    return server.requests().all();
  }

  /** Answers from {@code catalog} until the test ends. */
  public void useCatalog(Catalog catalog) {
    server.useCatalog(catalog);
  }

  /** The catalog in use. */
  public Catalog catalog() {
    return server.catalog();
  }

  /**
   * A new client for {@link #projectId()} with {@link #token()}; the caller closes it. The one
   * injected as a {@code CsbsClient} parameter is closed after the test.
   */
  public CsbsClient newClient() {
    return CsbsClient.builder().baseUrl(baseUrl()).projectId(projectId()).token(token()).build();
  }

  /** The server itself, for what the handle does not offer. */
  public ReferenceServer server() {
    return server;
  }

  private Project firstProject() {
    List<Project> projects = server.catalog().projects();
    if (projects.isEmpty()) {
      throw new IllegalStateException("the catalog in use has no project");
    }
    return projects.get(0);
  }
}
