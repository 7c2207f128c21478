package io.github.csbscontract.server.operation;

import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.server.wire.ApiError;
import io.github.csbscontract.server.wire.Exchange;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the reference server offers besides the API: the spec it implements, its rendered
 * reference, and a health check. {@code GET /} redirects to the reference.
 */
final class MetaPages {

  static final String SPEC_RESOURCE = "io/github/csbscontract/spec/openapi.yaml";
  static final String DOCS_RESOURCE = "io/github/csbscontract/spec/docs.html";

  /**
   * A fixed answer: content type and body. Each answer sends a slice of one direct buffer: a heap
   * copy per answer (the docs page is 2 MB), which the socket write copies again into direct
   * memory, let a hundred clients that pipeline requests for it and never read fill the heap, or
   * the direct memory, and stall an event loop. A slice of a direct buffer is written as it is.
   */
  record Page(String contentType, ByteBuf buffer) {

    Page(String contentType, byte[] body) {
      this(contentType, Unpooled.unreleasableBuffer(Unpooled.directBuffer(body.length).writeBytes(body).asReadOnly()));
    }
  }

  static final String ROOT = "/";
  static final String DOCS = "/docs";

  private static final Map<String, Page> PAGES = Map.of(
      DOCS, new Page("text/html;charset=utf-8", read(DOCS_RESOURCE)),
      "/openapi.yaml", new Page("application/yaml", read(SPEC_RESOURCE)),
      "/health", new Page("application/json", "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8)));

  private MetaPages() {}

  /**
   * Answers a request for a page: GET or HEAD, {@code /} leads to the reference; any other path,
   * or another method on a page's path, is no API (404), as the gateway answers another method
   * on the operation's path.
   */
  static void serve(Exchange exchange) {
    String path = exchange.path();
    Page page = at(path);
    if (page == null && !ROOT.equals(path)) {
      throw ApiError.gateway(404, ErrorCode.API_NOT_FOUND);
    }
    if (!HttpMethod.GET.equals(exchange.method()) && !HttpMethod.HEAD.equals(exchange.method())) {
      throw ApiError.gateway(404, ErrorCode.METHOD_NOT_FOUND);
    }
    if (page == null) {
      exchange.status(303).responseHeaders().set(HttpHeaderNames.LOCATION, DOCS);
      exchange.end();
    } else {
      exchange.responseHeaders().set(HttpHeaderNames.CONTENT_TYPE, page.contentType());
      // A view of the one buffer: its own indexes, the same memory.
      exchange.end(page.buffer().duplicate());
    }
  }

  /** The page at a path (a trailing slash names the same page), or null. */
  static Page at(String path) {
    Page page = PAGES.get(path);
    if (page == null && path.length() > 1 && path.endsWith("/")) {
      page = PAGES.get(path.substring(0, path.length() - 1));
    }
    return page;
  }

  private static byte[] read(String resource) {
    try (InputStream in = MetaPages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing: the spec jar is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
