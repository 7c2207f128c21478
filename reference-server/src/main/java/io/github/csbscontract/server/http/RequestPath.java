package io.github.csbscontract.server.http;

import io.github.csbscontract.server.api.ResourcesApi;
import io.github.csbscontract.core.Contract;
import io.github.csbscontract.service.GatewayChecks;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.service.ServiceMapper;
import io.github.csbscontract.server.ServerOptions;
import io.github.csbscontract.server.control.LiveCatalog;
import io.github.csbscontract.server.control.Fault;
import io.github.csbscontract.server.control.Faults;
import io.github.csbscontract.server.control.RequestLog;
import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.service.CapabilityResource;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Validator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every request, along one way: the route (the operation, a page, or the admin API when it is
 * on), the gateway's checks ({@link GatewayChecks}), the {@link BodyReader}, the {@link Dispatcher} to the implementation,
 * and {@link Answers} (or {@link FaultedAnswers}, when a test asked for a {@link Fault}). Each
 * step refuses with an {@link ApiError}, which is answered in the service's format.
 *
 * <p>This is the reference server's stand-in for a JAX-RS runtime: it serves the one operation
 * of the generated {@link ResourcesApi} as read from its annotations ({@link Operation}), with
 * the same Bean Validation, and no framework in between, which is what makes it fast enough to
 * sit under other people's load tests. The Jersey and Quarkus examples serve the same
 * implementation on real JAX-RS runtimes and pass the same contract cases.
 *
 * <p>Runs on Vert.x event loops, so nothing here blocks: the body is collected as it arrives,
 * and all the work after that is CPU only. A request the precheck cannot pass (an invalid one)
 * is described by Bean Validation on a worker thread ({@link OffLoop}), because that costs what
 * the client makes it cost.
 */
public final class RequestPath implements Handler<HttpServerRequest> {

  private static final Logger LOG = Logger.getLogger(RequestPath.class.getName());
  private static final String PROJECT_PARAMETER = "project_id";
  /**
   * The bodies of invalid requests being described off the event loop at once: a model takes a
   * few times its body, so 4 MiB of bodies (four at the size limit) stays within a small heap.
   */
  private static final long MAX_WAITING_VALIDATION_BYTES = 4L * 1024 * 1024;

  private final Operation operation;
  private final int projectIndex;
  private final LiveCatalog catalog;
  private final long maxBodyBytes;
  /** The gateway and the rules over the catalog in use, rebuilt when another is put in its place. */
  private volatile Served served;
  private final BodyReader bodies;
  private final Dispatcher dispatcher;
  private final OffLoop offLoop;
  private final Faults faults;
  private final FaultedAnswers faulted;
  private final RequestLog log;
  /** Null unless the admin API is on. */
  private final AdminApi admin;

  public RequestPath(Vertx vertx, ServerOptions options, LiveCatalog catalog, Validator validator, Faults faults,
      RequestLog log) {
    this.operation = Operation.of(ResourcesApi.class);
    this.projectIndex = operation.pathParameter(PROJECT_PARAMETER);
    if (!"application/json".equals(operation.consumes)) {
      throw new IllegalStateException(ResourcesApi.class + " consumes " + operation.consumes + ", not JSON");
    }
    this.catalog = catalog;
    this.maxBodyBytes = options.maxBodyBytes();
    this.served = new Served(catalog.current(), maxBodyBytes);
    this.bodies = new BodyReader(vertx, new BodyBudget(options.bodyBudgetBytes()), (int) options.maxBodyBytes(),
        Math.max(1, options.bodyTimeout().toMillis()));
    this.dispatcher = new Dispatcher(operation, validator);
    this.offLoop = new OffLoop(vertx, MAX_WAITING_VALIDATION_BYTES);
    this.faults = faults;
    this.faulted = new FaultedAnswers(vertx);
    this.log = log;
    this.admin = options.admin() ? new AdminApi(bodies, faults, log, catalog) : null;
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (LOG.isLoggable(Level.FINE)) {
      // An access log for debugging, off by default: method, path and status, never headers.
      request.response().bodyEndHandler(end -> LOG.fine(request.method() + " " + request.path() + " -> "
          + request.response().getStatusCode()));
    }
    try {
      String[] pathValues = operation.match(request.path());
      if (pathValues == null) {
        if (admin != null && admin.serves(request)) {
          return;
        }
        MetaPages.serve(request);
        return;
      }
      Recording recording = Recording.of(request, log);
      if (!request.method().name().equals(operation.httpMethod)) {
        // The gateway identifies an API by method and path: another method is no such API.
        throw ApiError.gateway(404, ErrorCode.METHOD_NOT_FOUND);
      }
      long declaredLength = declaredLength(request);
      String projectId = pathValues[projectIndex];
      // One catalog for the whole request, taken at admission: a swap while its body arrives or
      // its items are checked neither revokes its token half-way nor mixes two catalogs' items.
      Served snapshot = served();
      snapshot.gateway.admit(request.headers().getAll(Contract.TOKEN_HEADER), projectId,
          request.getHeader(HttpHeaders.CONTENT_TYPE), declaredLength);
      // Only now (BodyReader.read sends 100 Continue): a client told 401, 413 or 415 instead
      // need not send its body at all.
      bodies.read(request, declaredLength).onComplete(read -> {
        if (read.failed()) {
          Answers.failure(request, read.cause());
          return;
        }
        BodyReader.Body body = read.result();
        if (recording != null) {
          recording.body(body);
        }
        Fault fault = faults.take(projectId, () -> parsed(body));
        if (fault != null) {
          faulted.answer(request, fault, () -> dispatcher.dispatch(snapshot.resource, pathValues, body),
              recording == null ? () -> { } : recording::unanswered);
          return;
        }
        dispatch(request, snapshot.resource, pathValues, body);
      });
    } catch (RuntimeException | LinkageError refused) {
      // A linkage error (a page missing from the jar) is our fault, answered 500 like the rest.
      Answers.failure(request, refused);
      bodies.drain(request);
    }
  }

  /**
   * Requests the HTTP decoder refused (framing, versions, request line or headers too long):
   * answered in the service's format, then Vert.x closes the connection.
   */
  public void refuseInvalid(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    ApiError error;
    if (cause instanceof FramingError framing) {
      error = ApiError.protocol(framing.status, framing.getMessage());
    } else if (cause instanceof TooLongHttpHeaderException) {
      error = ApiError.gateway(400, ErrorCode.HEADERS_TOO_LARGE).closing();
    } else if (cause instanceof TooLongHttpLineException || cause instanceof TooLongFrameException) {
      error = ApiError.protocol(400, "request: the request line is too long");
    } else {
      error = ApiError.protocol(400, "request: not a well-formed HTTP/1.1 request");
    }
    Answers.failure(request, error);
  }

  /** The operation's answer: here when the precheck passes, else described off the loop. */
  private void dispatch(HttpServerRequest request, CapabilityResource resource, String[] pathValues,
      BodyReader.Body body) {
    Dispatcher.Call call;
    byte[] answer;
    try {
      call = dispatcher.prepare(resource, pathValues, body);
      answer = call.prechecked() ? dispatcher.finish(call) : null;
    } catch (RuntimeException refused) {
      Answers.failure(request, refused);
      return;
    }
    if (answer != null) {
      Answers.json(request, answer);
      return;
    }
    offLoop.run(body.length(), () -> dispatcher.finish(call)).onComplete(finished -> {
      if (finished.succeeded()) {
        Answers.json(request, finished.result());
      } else {
        Answers.failure(request, finished.cause());
      }
    });
  }

  /** The body as a JSON tree, for matching faults only; null when it is not JSON. */
  private static JsonNode parsed(BodyReader.Body body) {
    try {
      return ServiceMapper.mapper().readTree(body.bytes(), 0, body.length());
    } catch (java.io.IOException notJson) {
      return null;
    }
  }

  /** What serves the catalog in use; built once per catalog, not per request. */
  private Served served() {
    Catalog current = catalog.current();
    Served last = served;
    if (last.catalog == current) {
      return last;
    }
    Served next = new Served(current, maxBodyBytes);
    served = next;
    return next;
  }

  /** The gateway's checks and the operation's implementation over one catalog. */
  private static final class Served {
    final Catalog catalog;
    final GatewayChecks gateway;
    final CapabilityResource resource;

    Served(Catalog catalog, long maxBodyBytes) {
      this.catalog = catalog;
      this.gateway = new GatewayChecks(catalog, maxBodyBytes);
      this.resource = new CapabilityResource(catalog);
    }
  }

  private static long declaredLength(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      // The HTTP decoder has already refused malformed lengths; this is a defensive answer.
      throw ApiError.badRequest("request: Content-Length is not a number");
    }
  }
}
