package io.github.csbscontract.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads every answer's body here, within its bound: 4 MiB for a 200, 64 KiB for an error, none
 * for a 2xx the spec does not have (refused as unreadable); and refuses a 200 with more results
 * than items were sent before any object is built. Inside
 * the retry loop: a connection that breaks mid-body is then retried like one that breaks before
 * the status line, and what Retrofit buffers afterwards (it reads error bodies whole) is at most
 * the bound.
 */
final class BoundedBodies implements Interceptor {

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.isSuccessful() && response.code() != 200) {
      byte[] head = response.peekBody(BoundedJsonConverterFactory.SNIPPET_CHARS).bytes();
      response.close();
      throw new UnreadableBody(response.code(), "status " + response.code() + " is not in the spec",
          BoundedJsonConverterFactory.snippet(head), null);
    }
    MediaType type = response.body().contentType();
    if (response.code() == 200) {
      byte[] body = BoundedJsonConverterFactory.read(response.body(), BoundedJsonConverterFactory.MAX_SUCCESS_BYTES, 200);
      CallState state = chain.request().tag(CallState.class);
      if (state != null) {
        state.successBody(body);
        BoundedJsonConverterFactory.checkResultCount(body, state.expectedResults());
      }
      return response.newBuilder().body(ResponseBody.create(body, type)).build();
    }
    byte[] body = BoundedJsonConverterFactory.read(response.body(), BoundedJsonConverterFactory.MAX_ERROR_BYTES, response.code());
    return response.newBuilder().body(ResponseBody.create(body, type)).build();
  }
}
