package io.github.csbscontract.server.operation;

import io.github.csbscontract.catalog.Catalog;
import io.github.csbscontract.core.Contract;
import io.github.csbscontract.service.CapabilityResource;
import io.github.csbscontract.service.GatewayChecks;
import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.server.api.ResourcesApi;
import io.github.csbscontract.server.wire.Answers;
import io.github.csbscontract.server.wire.ApiError;
import io.github.csbscontract.server.wire.Body;
import io.github.csbscontract.server.wire.Exchange;
import io.netty.handler.codec.http.HttpHeaderNames;
import jakarta.validation.Validator;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The last link of the request path: the operation as the gateway and the service answer it.
 * It routes (the operation's path, else a {@link MetaPages page}), admits a request at the
 * gateway ({@link GatewayChecks}: method, token, project, content type, declared length), and
 * answers its body through the {@link Dispatcher}. The controls before it decide when: they
 * read the body once a request is admitted, and may answer with a fault instead.
 *
 * <p>This is the reference server's stand-in for a JAX-RS runtime: it serves the one operation
 * of the generated {@link ResourcesApi} as read from its annotations ({@link Operation}), with
 * the same Bean Validation, and no framework in between, which is what makes it fast enough to
 * sit under other people's load tests. The Jersey and Quarkus examples serve the same
 * implementation on real JAX-RS runtimes and pass the same contract cases.
 *
 * <p>Runs on the event loops, so nothing here blocks: all the work is CPU only. A request the
 * precheck cannot pass (an invalid one) is described by Bean Validation on a worker thread
 * ({@link OffLoop}), because that costs what the client makes it cost.
 */
public final class OperationHandler {

  private static final String PROJECT_PARAMETER = "project_id";
  /**
   * The bodies of invalid requests being described off the event loop at once: a model takes a
   * few times its body, so 4 MiB of bodies (four at the size limit) stays within a small heap.
   */
  private static final long MAX_WAITING_VALIDATION_BYTES = 4L * 1024 * 1024;

  private final Operation operation;
  private final int projectIndex;
  private final Supplier<Catalog> catalog;
  private final long maxBodyBytes;
  /** The gateway and the rules over the catalog in use, rebuilt when another is put in its place. */
  private volatile Served served;
  private final Dispatcher dispatcher;
  private final OffLoop offLoop;

  /**
   * @param catalog the catalog in use, asked at each request's admission
   * @param worker where invalid requests are described, off the event loops
   */
  public OperationHandler(Supplier<Catalog> catalog, long maxBodyBytes, Validator validator, Executor worker) {
    this.operation = Operation.of(ResourcesApi.class);
    this.projectIndex = operation.pathParameter(PROJECT_PARAMETER);
    if (!"application/json".equals(operation.consumes)) {
      throw new IllegalStateException(ResourcesApi.class + " consumes " + operation.consumes + ", not JSON");
    }
    this.catalog = catalog;
    this.maxBodyBytes = maxBodyBytes;
    this.served = new Served(catalog.get(), maxBodyBytes);
    this.dispatcher = new Dispatcher(operation, validator);
    this.offLoop = new OffLoop(worker, MAX_WAITING_VALIDATION_BYTES);
  }

  /** A request admitted to the operation: its path values and the catalog it is answered from. */
  public static final class Admitted {
    private final String[] pathValues;
    private final Served snapshot;
    private final long declaredLength;

    private Admitted(String[] pathValues, Served snapshot, long declaredLength) {
      this.pathValues = pathValues;
      this.snapshot = snapshot;
      this.declaredLength = declaredLength;
    }

    /** The body's Content-Length, or -1 for none (chunked). */
    public long declaredLength() {
      return declaredLength;
    }
  }

  /** The operation's path values of a request path, or null when it is not the operation's. */
  public String[] match(String path) {
    return operation.match(path);
  }

  /** The project a request on the operation's path is for. */
  public String projectId(String[] pathValues) {
    return pathValues[projectIndex];
  }

  /** Answers a request for any other path: a page, or no API (404). */
  public void servePage(Exchange exchange) {
    MetaPages.serve(exchange);
  }

  /**
   * The gateway's checks on a request's head; throws the refusal. One catalog for the whole
   * request, taken here: a swap while its body arrives or its items are checked neither revokes
   * its token half-way nor mixes two catalogs' items.
   */
  public Admitted admit(Exchange exchange, String[] pathValues) {
    if (!exchange.method().name().equals(operation.httpMethod)) {
      // The gateway identifies an API by method and path: another method is no such API.
      throw ApiError.gateway(404, ErrorCode.METHOD_NOT_FOUND);
    }
    long declaredLength = exchange.declaredLength();
    Served snapshot = served();
    snapshot.gateway.admit(exchange.headers().getAll(Contract.TOKEN_HEADER), projectId(pathValues),
        exchange.header(HttpHeaderNames.CONTENT_TYPE), declaredLength);
    return new Admitted(pathValues, snapshot, declaredLength);
  }

  /** The operation's JSON answer, all in one go on this thread (for a fault's "right answer"). */
  public byte[] answerNow(Admitted admitted, Body body) {
    return dispatcher.dispatch(admitted.snapshot.resource, admitted.pathValues, body);
  }

  /** Answers: on the event loop when the precheck passes, else described off the loop. */
  public void answer(Exchange exchange, Admitted admitted, Body body) {
    Dispatcher.Call call;
    byte[] answer;
    try {
      call = dispatcher.prepare(admitted.snapshot.resource, admitted.pathValues, body);
      answer = call.prechecked() ? dispatcher.finish(call) : null;
    } catch (RuntimeException refused) {
      Answers.failure(exchange, refused);
      return;
    }
    if (answer != null) {
      Answers.json(exchange, answer);
      return;
    }
    offLoop.run(body.length(), () -> dispatcher.finish(call)).whenComplete((finished, failed) ->
        exchange.execute(() -> {
          if (failed == null) {
            Answers.json(exchange, finished);
          } else {
            Answers.failure(exchange, OffLoop.cause(failed));
          }
        }));
  }

  /** What serves the catalog in use; built once per catalog, not per request. */
  private Served served() {
    Catalog current = catalog.get();
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
}
