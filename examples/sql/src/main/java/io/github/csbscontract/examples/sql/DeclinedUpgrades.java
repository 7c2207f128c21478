package io.github.csbscontract.examples.sql;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Declines every offer to upgrade the connection ({@code Upgrade: h2c}, which Java's
 * {@code HttpClient} sends by default, or any other): the request is answered over HTTP/1.1,
 * as RFC 9110 lets a server do. Without it, Grizzly hands the body of an upgrade request on
 * unframed, for an HTTP/2 filter that is not there, and reading it waits until the idle timeout
 * (30 s, then a 500 without a content type). Public Grizzly API only: a filter right after the
 * HTTP codec takes the codec's "incoming upgrade" event and turns the request back into a plain one.
 */
public final class DeclinedUpgrades implements AddOn {

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder chain) {
    int codec = chain.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
    if (codec < 0) {
      throw new IllegalStateException("no HTTP codec in " + listener.getName() + "'s filter chain");
    }
    chain.add(codec + 1, new Decline());
  }

  private static final class Decline extends BaseFilter {
    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
      if (!HttpEvents.IncomingHttpUpgradeEvent.TYPE.equals(event.type())) {
        return ctx.getInvokeAction();
      }
      HttpHeader request = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
      // Not an upgrade any more: the body is read by its Content-Length or chunks, and the
      // connection stays open for the next request instead of being closed after the answer.
      request.getUpgradeDC().recycle();
      request.setIgnoreContentModifiers(false);
      return ctx.getStopAction();
    }
  }
}
