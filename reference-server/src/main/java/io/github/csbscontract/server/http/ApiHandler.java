package io.github.csbscontract.server.http;

import io.github.csbscontract.core.validation.ConstraintPrecheck;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.csbscontract.server.api.ResourcesApi;
import io.github.csbscontract.server.catalog.Catalog;
import io.github.csbscontract.server.http.ApiError.GatewayError;
import io.github.csbscontract.rules.CapabilityResource;
import io.github.csbscontract.rules.CsbsRequestException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every HTTP request the reference server receives: the gateway's checks, the one API operation
 * of the generated {@link ResourcesApi} (JSON in, Bean Validation, our implementation, JSON
 * out), the meta pages, and the service's error body for everything that goes wrong.
 *
 * <p>Runs on Vert.x event loops, so nothing here may block: the body is collected as it
 * arrives, under a size limit and a deadline, and all the work after that is CPU only.
 */
public final class ApiHandler implements Handler<HttpServerRequest>, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ApiHandler.class.getName());

  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
  private static final CharSequence CLOSE = HttpHeaders.createOptimized("close");
  private static final String PROJECT_PARAMETER = "project_id";
  /** How much of a refused body is read and dropped before the connection is closed instead. */
  private static final long LINGER_BYTES = 4 * 1024 * 1024;
  /** Longest request line (method, path with query, version) the decoder reads. */
  private static final int MAX_REQUEST_LINE_BYTES = 64 * 1024;

  private final Vertx vertx;
  private final Gateway gateway;
  private final Operation operation;
  private final int projectIndex;
  private final Object implementation;
  private final ValidatorFactory validation;
  private final Validator validator;
  private final ConstraintPrecheck precheck;
  private final ObjectReader reader;
  private final ObjectWriter writer = Json.MAPPER.writer();
  private final long readTimeoutMillis;
  private final int maxBodyBytes;

  public ApiHandler(Vertx vertx, Catalog catalog, long maxBodyBytes, Duration readTimeout) {
    this.vertx = vertx;
    this.gateway = new Gateway(catalog, maxBodyBytes);
    this.operation = Operation.of(ResourcesApi.class);
    this.projectIndex = operation.pathParameter(PROJECT_PARAMETER);
    this.implementation = new CapabilityResource(catalog);
    this.validation = Validation.buildDefaultValidatorFactory();
    this.validator = validation.getValidator();
    this.precheck = ConstraintPrecheck.forParameters(validator, operation.method);
    this.reader = Json.MAPPER.readerFor(operation.bodyType);
    this.readTimeoutMillis = Math.max(1, readTimeout.toMillis());
    this.maxBodyBytes = (int) Math.min(maxBodyBytes, Integer.MAX_VALUE - 8);
  }

  /**
   * The HTTP settings this handler relies on. The decoder enforces the gateway's header limit
   * (its refusal reaches {@link #handleInvalid}, answered in the service's format); 100 Continue
   * is ours to send; a client offering an h2c upgrade (the JDK's does) is answered in HTTP/1.1.
   */
  public static HttpServerOptions httpOptions(String host, int port) {
    return new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setTcpNoDelay(true)
        .setMaxHeaderSize(Gateway.MAX_HEADER_BYTES)
        .setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)
        .setHttp2ClearTextEnabled(false)
        .setHandle100ContinueAutomatically(false);
  }

  /** Releases the validator's caches; for when the server stops. */
  @Override
  public void close() {
    validation.close();
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (LOG.isLoggable(Level.FINE)) {
      // An access log for debugging, off by default: method, path and status, never headers.
      request.response().endHandler(end -> LOG.fine(request.method() + " " + request.path() + " -> "
          + request.response().getStatusCode()));
    }
    try {
      route(request);
    } catch (ApiError error) {
      answer(request, error);
      new BodyCollector(request, null).discard();
    } catch (RuntimeException unexpected) {
      fail(request, unexpected);
      new BodyCollector(request, null).discard();
    }
  }

  /**
   * Requests the HTTP decoder could not read (request line or headers too long, broken syntax):
   * answered in the service's format, then the connection is closed.
   */
  public void handleInvalid(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    ApiError error;
    if (cause instanceof TooLongHttpHeaderException) {
      error = ApiError.gateway(400, GatewayError.HEADERS_TOO_LARGE);
    } else if (cause instanceof TooLongHttpLineException || cause instanceof TooLongFrameException) {
      error = ApiError.badRequest("request: the request line is too long");
    } else {
      error = ApiError.badRequest("request: not a well-formed HTTP/1.1 request");
    }
    answerAndClose(request, error);
  }

  private void route(HttpServerRequest request) {
    String[] pathValues = operation.match(request.path());
    if (pathValues == null) {
      servePage(request);
      return;
    }
    if (!request.method().name().equals(operation.httpMethod)) {
      // The gateway identifies an API by method and path: another method is no such API.
      throw ApiError.gateway(404, GatewayError.METHOD_NOT_FOUND);
    }
    long declaredLength = declaredLength(request);
    gateway.admit(request.getHeader(Gateway.TOKEN_HEADER), pathValues[projectIndex],
        request.getHeader(HttpHeaders.CONTENT_TYPE), operation.consumes, declaredLength);
    if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
      // Only now: a client told 401, 413 or 415 instead need not send its body at all.
      request.response().writeContinue();
    }
    new BodyCollector(request, pathValues).collect(declaredLength);
  }

  private void servePage(HttpServerRequest request) {
    String path = request.path();
    boolean read = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
    MetaPages.Page page = MetaPages.at(path);
    if (page == null && !MetaPages.ROOT.equals(path)) {
      throw ApiError.gateway(404, GatewayError.API_NOT_FOUND);
    }
    if (!read) {
      throw ApiError.gateway(405, GatewayError.METHOD_NOT_FOUND);
    }
    HttpServerResponse response = request.response();
    if (page == null) {
      response.setStatusCode(303).putHeader(HttpHeaders.LOCATION, MetaPages.DOCS).end();
      return;
    }
    response.putHeader(HttpHeaders.CONTENT_TYPE, page.contentType()).end(Buffer.buffer(page.body()));
  }

  /** The body has arrived in full: read it, validate it, answer it. */
  private void serve(HttpServerRequest request, String[] pathValues, byte[] bytes, int length) {
    try {
      Object body = read(bytes, length);
      Object[] args = operation.arguments(pathValues, body);
      if (!precheck.passes(args)) {
        Set<ConstraintViolation<Object>> violations =
            validator.forExecutables().validateParameters(implementation, operation.method, args);
        if (!violations.isEmpty()) {
          throw ErrorAnswers.violations(violations);
        }
      }
      byte[] json = writer.writeValueAsBytes(operation.invoke(implementation, args));
      request.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(Buffer.buffer(json));
    } catch (ApiError error) {
      answer(request, error);
    } catch (CsbsRequestException refused) {
      answer(request, ApiError.of(refused));
    } catch (RuntimeException unexpected) {
      fail(request, unexpected);
    } catch (Throwable fatal) {
      fail(request, fatal);
      if (fatal instanceof Error error) {
        throw error;
      }
    }
  }

  /** The body as the operation's model; null for none. */
  private Object read(byte[] bytes, int length) {
    if (isBlank(bytes, length)) {
      return null;
    }
    try {
      return reader.readValue(bytes, 0, length);
    } catch (JsonProcessingException unreadable) {
      throw ErrorAnswers.json(unreadable);
    } catch (IOException notText) {
      // Parsing bytes in memory does no I/O: Jackson's encoding detection refused them.
      throw ApiError.badRequest("body: malformed JSON (not UTF-8 text)");
    }
  }

  private void answer(HttpServerRequest request, ApiError error) {
    HttpServerResponse response = request.response();
    if (response.ended()) {
      return;
    }
    response.setStatusCode(error.status).putHeader(HttpHeaders.CONTENT_TYPE, JSON);
    try {
      response.end(Buffer.buffer(writer.writeValueAsBytes(ErrorAnswers.body(error))));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private void answerAndClose(HttpServerRequest request, ApiError error) {
    if (!request.response().ended()) {
      request.response().putHeader(HttpHeaders.CONNECTION, CLOSE);
      answer(request, error);
    }
    request.connection().close();
  }

  private void fail(HttpServerRequest request, Throwable unexpected) {
    LOG.log(Level.SEVERE, "unexpected failure answering a request", unexpected);
    answer(request, ErrorAnswers.unexpected());
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

  private static boolean isBlank(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads one request's body: at most the body limit (a chunked body is answered 413 as soon as
   * it passes it), within the read deadline, so that a client that stops sending is answered
   * instead of holding its connection. After an early answer the rest of the body is read and
   * dropped, up to {@link #LINGER_BYTES} more: closing while the client still sends would make
   * its TCP stack discard our answer (a reset), and a drained connection can serve the next
   * request.
   */
  private final class BodyCollector implements Handler<Buffer> {

    private final HttpServerRequest request;
    private final String[] pathValues;
    /** The body so far, in {@code body[0..length)}; null once it is being dropped. */
    private byte[] body;
    private int length;
    private long received;
    private long deadline;
    private boolean answered;

    BodyCollector(HttpServerRequest request, String[] pathValues) {
      this.request = request;
      this.pathValues = pathValues;
    }

    void collect(long declaredLength) {
      body = new byte[declaredLength > 0 ? (int) declaredLength : 256];
      listen();
    }

    /** For a request already answered. */
    void discard() {
      answered = true;
      if (!request.isEnded() && !request.response().closed()) {
        listen();
      }
    }

    private void listen() {
      deadline = vertx.setTimer(readTimeoutMillis, id -> stalled());
      request.handler(this);
      request.exceptionHandler(broken -> stalled());
      request.endHandler(end -> {
        vertx.cancelTimer(deadline);
        if (!answered) {
          answered = true;
          serve(request, pathValues, body, length);
        }
      });
    }

    @Override
    public void handle(Buffer chunk) {
      received += chunk.length();
      if (received > maxBodyBytes + LINGER_BYTES) {
        vertx.cancelTimer(deadline);
        request.connection().close();
      } else if (!answered && received > maxBodyBytes) {
        answered = true;
        body = null;
        answer(request, ApiError.gateway(413, GatewayError.ENTITY_TOO_LARGE));
      } else if (!answered) {
        append(chunk);
      }
    }

    private void append(Buffer chunk) {
      int needed = length + chunk.length();
      if (needed > body.length) {
        body = java.util.Arrays.copyOf(body, (int) Math.min(maxBodyBytes, Math.max(needed, 2L * body.length)));
      }
      chunk.getBytes(0, chunk.length(), body, length);
      length = needed;
    }

    private void stalled() {
      vertx.cancelTimer(deadline);
      if (answered) {
        request.connection().close();
      } else {
        answered = true;
        answerAndClose(request, ApiError.badRequest("body: could not be read to its end (incomplete or too slow)"));
      }
    }
  }
}
