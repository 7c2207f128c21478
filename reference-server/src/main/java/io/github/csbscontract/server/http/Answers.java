package io.github.csbscontract.server.http;

import io.github.csbscontract.service.ServiceMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.csbscontract.service.CsbsRequestException;
import io.github.csbscontract.service.GatewayRefusal;
import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.server.model.ErrorResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes answers: the operation's JSON, and every refusal in the service's error format. Only
 * our own faults are 500, logged here; a client never sees a stack trace or a class name.
 */
final class Answers {

  private static final Logger LOG = Logger.getLogger(Answers.class.getName());
  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
  private static final CharSequence CLOSE = HttpHeaders.createOptimized("close");
  private static final ObjectWriter WRITER = ServiceMapper.mapper().writer();

  private Answers() {}

  static void json(HttpServerRequest request, byte[] body) {
    request.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(Buffer.buffer(body));
  }

  /**
   * A refusal ({@link ApiError}, or the gateway's and the service's from the shared checks) as its
   * answer; anything else is our fault: logged, and a 500.
   */
  static void failure(HttpServerRequest request, Throwable failure) {
    ApiError error;
    if (failure instanceof ApiError refused) {
      error = refused;
    } else if (failure instanceof GatewayRefusal refused) {
      error = ApiError.gateway(refused.error());
    } else if (failure instanceof CsbsRequestException refused) {
      error = ApiError.of(refused);
    } else {
      LOG.log(Level.SEVERE, "unexpected failure answering a request", failure);
      error = ApiError.service(500, ErrorCode.INTERNAL, "check resource capabilities");
    }
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(error.status).putHeader(HttpHeaders.CONTENT_TYPE, JSON);
    if (error.retryAfter != null) {
      response.putHeader(HttpHeaders.RETRY_AFTER, error.retryAfter);
    }
    if (error.closesConnection) {
      response.putHeader(HttpHeaders.CONNECTION, CLOSE);
      response.end(Buffer.buffer(body(error))).onComplete(written -> request.connection().close());
    } else {
      response.end(Buffer.buffer(body(error)));
    }
  }

  /** A whole HTTP/1.1 answer that closes its connection, for refusals made below Vert.x. */
  static byte[] raw(int status, String reason, ApiError error) {
    byte[] body = body(error);
    String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length + "\r\nConnection: close\r\n\r\n";
    byte[] head8 = head.getBytes(StandardCharsets.US_ASCII);
    byte[] answer = new byte[head8.length + body.length];
    System.arraycopy(head8, 0, answer, 0, head8.length);
    System.arraycopy(body, 0, answer, head8.length, body.length);
    return answer;
  }

  private static byte[] body(ApiError error) {
    ErrorResponse body = new ErrorResponse().errorCode(error.errorCode).errorMsg(error.errorMsg);
    if (error.fromGateway) {
      body.requestId(UUID.randomUUID().toString().replace("-", ""));
    }
    try {
      return WRITER.writeValueAsBytes(body);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
