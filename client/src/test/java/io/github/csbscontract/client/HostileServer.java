package io.github.csbscontract.client;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written HTTP/1.1 server that answers whatever bytes its script writes: a broken proxy, a
 * captive portal or an attacker in the path, which no well-behaved server library can play. It
 * reads each request (head and Content-Length body), records it, and hands the socket's output
 * to the script; 127.0.0.1, a dynamic port, a thread per connection.
 */
final class HostileServer implements AutoCloseable {

  /** What the server writes for one request. */
  interface Script {
    void answer(Exchange exchange) throws IOException;
  }

  /**
   * One request as received.
   *
   * @param connection which connection carried it, from 1
   * @param headers names in lower case
   */
  record Request(int connection, String requestLine, Map<String, String> headers, byte[] body) {}

  /** The request, and where the answer goes. */
  record Exchange(Request request, OutputStream out) {
    void write(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    void write(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    /** A whole JSON answer with this status. */
    void answer(int status, String json) throws IOException {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      write("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n");
      write(bytes);
    }
  }

  private final ServerSocket server;
  private final Script script;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();

  HostileServer(Script script) throws IOException {
    this.script = script;
    this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread acceptor = new Thread(this::accept, "hostile-accept-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  int port() {
    return server.getLocalPort();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  int connections() {
    return connections.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException closed) {
        return;
      }
      sockets.add(socket);
      int number = connections.incrementAndGet();
      Thread connection = new Thread(() -> serve(socket, number), "hostile-connection-" + number);
      connection.setDaemon(true);
      connection.start();
    }
  }

  private void serve(Socket socket, int number) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        Request request = read(in, number);
        if (request == null) {
          return;
        }
        requests.add(request);
        script.answer(new Exchange(request, out));
      }
    } catch (IOException | RuntimeException gone) {
      // The client hung up, or the script closed: either ends this connection.
    }
  }

  private static Request read(InputStream in, int connection) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (lines.isEmpty() && line.size() == 0) {
          return null;
        }
        throw new EOFException("request cut off");
      }
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
        line.reset();
        if (text.isEmpty()) {
          break;
        }
        lines.add(text);
      } else {
        line.write(b);
      }
    }
    Map<String, String> headers = new TreeMap<>();
    for (String header : lines.subList(1, lines.size())) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
    }
    byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
    return new Request(connection, lines.get(0), headers, body);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  /** Starts a 200 whose headers never end: a byte every 50 ms, so that no read waits long enough for a read timeout. */
  static void trickleForever(Exchange exchange) throws IOException {
    exchange.write("HTTP/1.1 200 OK\r\nX-Slow: ");
    while (true) {
      exchange.write("a");
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
    }
  }
}
