package io.github.csbscontract.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.csbscontract.service.ServiceMapper;
import io.github.csbscontract.server.operation.OperationHandler;
import io.github.csbscontract.server.wire.Answers;
import io.github.csbscontract.server.wire.Body;
import io.github.csbscontract.server.wire.BodyReader;
import io.github.csbscontract.server.wire.Exchange;
import io.github.csbscontract.server.wire.RequestHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The middle link of the request path, between the wire and the operation, as WireMock arranges
 * its own: what tests steer. The admin API takes its paths (when it is on); a request on the
 * operation's path is recorded ({@link RequestLog}, when recording is on), admitted by the
 * operation's gateway, its body read, and then answered by the operation, or as a {@link Fault}
 * says when a test added one that matches. Anything else is the operation's to answer (pages, or
 * no API). A refusal thrown here is answered by the wire in the service's format.
 */
public final class Controls implements RequestHandler {

  private static final Logger LOG = Logger.getLogger(Controls.class.getName());

  private final OperationHandler operation;
  private final BodyReader bodies;
  private final Faults faults;
  private final RequestLog log;
  /** Null unless the admin API is on. */
  private final AdminApi admin;

  public Controls(OperationHandler operation, BodyReader bodies, Faults faults, RequestLog log, LiveCatalog catalog,
      boolean adminApi) {
    this.operation = operation;
    this.bodies = bodies;
    this.faults = faults;
    this.log = log;
    this.admin = adminApi ? new AdminApi(bodies, faults, log, catalog) : null;
  }

  @Override
  public void handle(Exchange exchange) {
    if (LOG.isLoggable(Level.FINE)) {
      // An access log for debugging, off by default: method, path and status, never headers.
      exchange.onHead(status -> LOG.fine(exchange.method() + " " + exchange.path() + " -> " + status));
    }
    String[] pathValues = operation.match(exchange.path());
    if (pathValues == null) {
      if (admin == null || !admin.serves(exchange)) {
        operation.servePage(exchange);
      }
      return;
    }
    Recording recording = Recording.of(exchange, log);
    OperationHandler.Admitted admitted = operation.admit(exchange, pathValues);
    // Only now (the reader sends 100 Continue): a client told 401, 413 or 415 instead need not
    // send its body at all.
    bodies.read(exchange, admitted.declaredLength(), (body, refused) -> {
      if (refused != null) {
        Answers.failure(exchange, refused);
        return;
      }
      try {
        if (recording != null) {
          recording.body(body);
        }
        Fault fault = faults.take(operation.projectId(pathValues), () -> parsed(body));
        if (fault == null) {
          operation.answer(exchange, admitted, body);
        } else {
          FaultedAnswers.answer(exchange, fault, () -> operation.answerNow(admitted, body),
              recording == null ? () -> { } : recording::unanswered);
        }
      } catch (RuntimeException failure) {
        Answers.failure(exchange, failure);
      }
    });
  }

  /** The body as a JSON tree, for matching faults only; null when it is not JSON. */
  private static JsonNode parsed(Body body) {
    try {
      return ServiceMapper.mapper().readTree(body.bytes(), 0, body.length());
    } catch (java.io.IOException notJson) {
      return null;
    }
  }
}
