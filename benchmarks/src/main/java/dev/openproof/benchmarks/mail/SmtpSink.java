package dev.openproof.benchmarks.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The least SMTP server that accepts mail: on 127.0.0.1, it answers every command with success and
 * throws the messages away. It measures the client, not a server's storage.
 */
final class SmtpSink implements AutoCloseable {
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "smtp-sink");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong connections = new AtomicLong();
  private final AtomicLong messages = new AtomicLong();

  SmtpSink() throws IOException {
    server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  long connections() {
    return connections.get();
  }

  long messages() {
    return messages.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.incrementAndGet();
        threads.execute(() -> converse(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void converse(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1), 65536);
      OutputStream out = socket.getOutputStream();
      reply(out, "220 sink ESMTP");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
        switch (verb) {
          case "EHLO" -> reply(out, "250-sink\r\n250 8BITMIME");
          case "DATA" -> {
            reply(out, "354 go ahead");
            for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
              // discard
            }
            messages.incrementAndGet();
            reply(out, "250 2.0.0 ok");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "250 ok");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
