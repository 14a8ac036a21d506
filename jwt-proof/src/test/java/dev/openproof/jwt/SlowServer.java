package dev.openproof.jwt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on a raw socket that answers 200 and then misbehaves: it stalls after the headers
 * and a few bytes, or drips one byte every 500 ms. Every loop is bounded, and closing the server ends
 * them.
 */
final class SlowServer implements AutoCloseable {
  enum Mode { STALL, DRIP }

  private final ServerSocket socket;
  private final Mode mode;
  private final List<Socket> clients = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  final AtomicInteger requests = new AtomicInteger();

  SlowServer(Mode mode) throws IOException {
    this.mode = mode;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "slow-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        clients.add(client);
        Thread worker = new Thread(() -> answer(client), "slow-server-client");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void answer(Socket client) {
    try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
      readHeaders(in);
      requests.incrementAndGet();
      out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      if (mode == Mode.STALL) {
        out.write("{\"k".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        closed.await(2, TimeUnit.MINUTES);
      } else {
        for (int i = 0; i < 4000 && !closed.await(500, TimeUnit.MILLISECONDS); i++) {
          out.write(' ');
          out.flush();
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client hung up, or the server closes
    }
  }

  private static void readHeaders(InputStream in) throws IOException {
    int matched = 0;
    for (int i = 0; i < 65536 && matched < 4; i++) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed");
      }
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
    }
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    socket.close();
    for (Socket client : clients) {
      client.close();
    }
  }
}
