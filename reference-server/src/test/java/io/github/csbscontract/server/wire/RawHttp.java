package io.github.csbscontract.server.wire;

import io.github.csbscontract.core.Contract;
import io.github.csbscontract.spec.SpecContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client would send: odd headers, broken
 * bodies, slow writers. Reads one answer by its Content-Length, or to the end of the connection.
 */
final class RawHttp {

  static final String PATH =
      "/v1/0605767ab000d4c12f3bc0033d9d5d06/providers/" + Contract.CSBS_PROVIDER_ID + "/resources/action";
  private static final Pattern LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");
  private static final Pattern CHUNKED = Pattern.compile("(?im)^transfer-encoding:\\s*chunked\\s*$");

  private RawHttp() {}

  /** One answer: status line code, header block and body. */
  record Answer(int status, String head, String body) {

    String contentType() {
      Matcher type = Pattern.compile("(?im)^content-type:\\s*(.+?)\\s*$").matcher(head);
      return type.find() ? type.group(1) : null;
    }

    /** What every answer of this server must be: documented, in the spec's shape, no internals. */
    List<String> problems(String method, String path) {
      List<String> problems = new ArrayList<>();
      // 501, 503 and 505 are the spec's refusals (transfer coding, overload, HTTP version); any
      // other 5xx is the server's own fault.
      if (status >= 500 && status != 501 && status != 503 && status != 505 || status < 200) {
        problems.add("status " + status);
      }
      if (body.contains("Exception") || body.contains("java.") || body.contains("\tat ") || body.contains("jersey")) {
        problems.add("internals in the body: " + body);
      }
      if (status >= 400 && body.length() > 700) {
        problems.add("error body of " + body.length() + " characters: input echoed unbounded?");
      }
      boolean known = path.startsWith("/health") || path.startsWith("/docs") || path.startsWith("/openapi.yaml")
          || path.equals("/");
      if (!known || status >= 400) {
        SpecContract.responseProblems(method, path, status, contentType(), body).forEach(problems::add);
      }
      return problems;
    }
  }

  static String request(String method, String path, String headers, String body) {
    return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers
        + (body == null ? "" : "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n")
        + "\r\n" + (body == null ? "" : body);
  }

  /** A connection to the server on {@code port}, reads bounded to 10 s. */
  static Socket connect(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    return socket;
  }

  static void write(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
  }

  static Answer exchange(int port, String request) throws IOException {
    return exchange(port, request.getBytes(StandardCharsets.UTF_8));
  }

  static Answer exchange(int port, byte[] request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
      } catch (IOException closedEarly) {
        // The server may answer (413, 400) and close before it read everything we send.
      }
      return read(socket.getInputStream());
    }
  }

  static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) > 0) {
        bytes.write(buffer, 0, n);
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        if (split >= 0) {
          String head = text.substring(0, split);
          Matcher length = LENGTH.matcher(head);
          if (length.find() && bytes.size() - split - 4 >= Integer.parseInt(length.group(1))) {
            break;
          }
          if (CHUNKED.matcher(head).find() && text.endsWith("\r\n0\r\n\r\n")) {
            break;
          }
        }
      }
    } catch (SocketTimeoutException e) {
      throw new IOException("no complete answer within 10 s: " + bytes.toString(StandardCharsets.UTF_8), e);
    } catch (IOException resetAfterAnswer) {
      if (bytes.size() == 0) {
        throw resetAfterAnswer;
      }
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    int split = text.indexOf("\r\n\r\n");
    // HTTP/1.0 only for a request line too broken to tell its version.
    if (!(text.startsWith("HTTP/1.1 ") || text.startsWith("HTTP/1.0 ")) || split < 0) {
      throw new IOException("not an HTTP answer: " + text);
    }
    String head = text.substring(0, split);
    String body = text.substring(split + 4);
    return new Answer(Integer.parseInt(text.substring(9, 12)), head.toLowerCase(Locale.ROOT),
        CHUNKED.matcher(head).find() ? dechunk(body) : body);
  }

  private static String dechunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        return body.toString();
      }
      // Sizes count bytes; the answers here are ASCII JSON, so bytes and chars agree.
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }
}
