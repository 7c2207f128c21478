package io.github.csbscontract.server.wire;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Decides what the idle timeout closes. The timeout itself watches reads alone
 * (Netty's {@code IdleStateHandler} with a reader idle time only): watching writes too made Netty's
 * {@code IdleStateHandler} put a listener on every write, about 1.5 us of CPU per request
 * (BENCHMARKS.md, "What the idle timeout costs"). A client that waits for its answer, or reads a
 * large one slowly, sends nothing, though; so when the read timeout fires this looks at the
 * answers instead, without a cost per request:
 * <ul>
 *   <li>bytes waiting to be sent that the client took some of since the last look: a slow
 *       reader, left alone; none taken since: a client that stopped reading, closed;
 *   <li>nothing waiting but an answer owed (a slow fault, a request being described): left alone;
 *   <li>neither: idle between requests, closed.
 * </ul>
 * A client that keeps sending but never reads is never idle to the read timeout: once its
 * answers back up (the channel stops being writable), the same look runs every timeout period
 * (nginx's {@code send_timeout}). Both bound how long an unread answer is held: about one to two
 * timeout periods.
 *
 * <p>Sits between the idle handler and the {@link Connection}, where requests and answers pass
 * as HTTP objects; what it lets through, the {@link Connection} closes on.
 */
final class IdleGuard extends ChannelDuplexHandler {

  private final long timeoutMillis;
  /** Requests read whose answers have not been handed on to their end. */
  private int owed;
  /** What the outbound buffer looked like at the last look; see {@link #progress}. */
  private long lastProgress = -1;
  private ScheduledFuture<?> sendCheck;

  IdleGuard(long timeoutMillis) {
    this.timeoutMillis = timeoutMillis;
  }

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
    if (event instanceof IdleStateEvent && keepOpen(ctx)) {
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (!ctx.channel().isWritable() && sendCheck == null) {
      lastProgress = progress(ctx);
      sendCheck = ctx.executor().schedule(() -> checkSending(ctx), timeoutMillis, TimeUnit.MILLISECONDS);
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (sendCheck != null) {
      sendCheck.cancel(false);
    }
  }

  private void checkSending(ChannelHandlerContext ctx) {
    sendCheck = null;
    if (ctx.channel().isActive() && pending(ctx) > 0) {
      if (!keepOpen(ctx)) {
        ctx.close();
      } else {
        sendCheck = ctx.executor().schedule(() -> checkSending(ctx), timeoutMillis, TimeUnit.MILLISECONDS);
      }
    }
  }

  /** At a look: whether the connection is still doing something worth its keep. */
  private boolean keepOpen(ChannelHandlerContext ctx) {
    if (pending(ctx) > 0) {
      long now = progress(ctx);
      boolean moved = now != lastProgress;
      lastProgress = now;
      return moved;
    }
    lastProgress = -1;
    return owed > 0;
  }

  private static long pending(ChannelHandlerContext ctx) {
    ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
    return buffer == null ? 0 : buffer.totalPendingWriteBytes();
  }

  /**
   * Changes whenever the client takes bytes: the message being sent, how far it is, and how many
   * bytes wait in all (as Netty's {@code IdleStateHandler} observes output).
   */
  private static long progress(ChannelHandlerContext ctx) {
    ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
    if (buffer == null) {
      return -1;
    }
    return (31L * System.identityHashCode(buffer.current()) + buffer.currentProgress()) * 31L
        + buffer.totalPendingWriteBytes();
  }
}
