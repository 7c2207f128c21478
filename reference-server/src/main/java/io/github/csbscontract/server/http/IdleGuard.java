package io.github.csbscontract.server.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Lets the idle timeout close a connection only between requests. The timeout watches reads
 * alone ({@code HttpServerOptions#setReadIdleTimeout}): watching writes too made Netty's
 * {@code IdleStateHandler} put a listener on every write, about 1.5 us of CPU per request
 * (BENCHMARKS.md, "What the idle timeout costs"). A client that waits for its answer sends
 * nothing, though, so while an answer is owed (a slow fault, a trickled body) the idle event is
 * held back here; the next one after the answer closes the connection.
 *
 * <p>Sits between Vert.x's idle handler and its connection handler, where requests and answers
 * pass as HTTP objects.
 */
final class IdleGuard extends ChannelDuplexHandler {

  /** Requests read whose answers have not been written to their end. */
  private int owed;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest) {
      owed++;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    // A 100 Continue is a whole message too, but the answer is still owed after it.
    if (msg instanceof LastHttpContent && owed > 0
        && !(msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL)) {
      owed--;
    }
    ctx.write(msg, promise);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent && owed > 0) {
      return;
    }
    ctx.fireUserEventTriggered(event);
  }
}
