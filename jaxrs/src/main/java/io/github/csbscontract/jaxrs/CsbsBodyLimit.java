package io.github.csbscontract.jaxrs;

import io.github.csbscontract.core.ErrorCode;
import io.github.csbscontract.core.validation.OversizedLists;
import io.github.csbscontract.service.GatewayRefusal;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Holds a body to the limit while it is read, whatever its framing: a chunked body declares no
 * length for {@link CsbsGateway} to check. Past the limit the read stops with 413. A body read
 * whole has its lists over their size limit cut ({@link OversizedLists}), so that the runtime's
 * Bean Validation refuses them without a violation per element.
 *
 * <p>{@link CsbsFeature} registers it. Quarkus REST takes only filters and exception mappers from a
 * {@code Feature}: there, annotate a subclass with {@code @Provider}.
 */
public class CsbsBodyLimit implements ReaderInterceptor {

  private final long maxBodyBytes;

  public CsbsBodyLimit(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    context.setInputStream(new Limited(context.getInputStream(), maxBodyBytes));
    Object body = context.proceed();
    // Before the runtime's Bean Validation reports every element of a list of 300,000.
    OversizedLists.cut(body);
    return body;
  }

  /** Counts what is read through it and refuses the byte past the limit. */
  private static final class Limited extends FilterInputStream {

    private final long limit;
    private long read;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    private void count(long n) {
      read += n;
      if (read > limit) {
        throw new GatewayRefusal(ErrorCode.ENTITY_TOO_LARGE);
      }
    }
  }
}
