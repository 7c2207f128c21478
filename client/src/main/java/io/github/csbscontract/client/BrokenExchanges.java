package io.github.csbscontract.client;

import java.io.IOException;
import java.net.ProtocolException;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The network interceptor, where the connection is at hand: OkHttp reads past a 100 and a 102 to
 * 199 itself, but hands a {@code 101 Switching Protocols} up as the answer and pools its
 * connection, whose next bytes are then the server's (an answer smuggled behind the 101 would
 * become the next call's). The API switches to no protocol, so a 1xx here is a broken exchange:
 * its socket is closed, which keeps the pool from handing the connection out again.
 */
final class BrokenExchanges implements Interceptor {

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.code() >= 100 && response.code() < 200) {
      Connection connection = chain.connection();
      if (connection != null) {
        connection.socket().close();
      }
      throw new ProtocolException("HTTP " + response.code() + " where an answer belongs: the exchange is broken,"
          + " its connection closed");
    }
    return response;
  }
}
