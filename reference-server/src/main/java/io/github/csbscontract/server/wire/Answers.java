package io.github.csbscontract.server.wire;

import io.github.csbscontract.service.ServiceMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.csbscontract.service.CsbsRequestException;
import io.github.csbscontract.service.GatewayRefusal;
import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.server.model.ErrorResponse;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes answers: the operation's JSON, and every refusal in the service's error format. Only
 * our own faults are 500, logged here; a client never sees a stack trace or a class name.
 */
public final class Answers {

  private static final Logger LOG = Logger.getLogger(Answers.class.getName());
  private static final AsciiString JSON = AsciiString.cached("application/json");
  private static final ObjectWriter WRITER = ServiceMapper.mapper().writer();

  private Answers() {}

  /** 200 with a JSON body; completes when written. */
  public static ChannelFuture json(Exchange exchange, byte[] body) {
    exchange.responseHeaders().set(HttpHeaderNames.CONTENT_TYPE, JSON);
    return exchange.end(body);
  }

  /** A JSON body with this status; completes when written, fails when the connection closed first. */
  public static ChannelFuture json(Exchange exchange, int status, ByteBuf body) {
    exchange.status(status).responseHeaders().set(HttpHeaderNames.CONTENT_TYPE, JSON);
    return exchange.end(body);
  }

  /**
   * A refusal ({@link ApiError}, or the gateway's and the service's from the shared checks) as its
   * answer; anything else is our fault: logged, and a 500.
   */
  public static void failure(Exchange exchange, Throwable failure) {
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
    if (exchange.answered()) {
      return;
    }
    HttpHeaders headers = exchange.status(error.status).responseHeaders();
    headers.set(HttpHeaderNames.CONTENT_TYPE, JSON);
    if (error.retryAfter != null) {
      headers.set(HttpHeaderNames.RETRY_AFTER, error.retryAfter);
    }
    if (error.closesConnection) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      exchange.end(body(error)).addListener(ChannelFutureListener.CLOSE);
    } else {
      exchange.end(body(error));
    }
  }

  /** A whole HTTP/1.1 answer that closes its connection, for refusals made in the decoder. */
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
