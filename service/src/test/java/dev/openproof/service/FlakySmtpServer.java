package dev.openproof.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server on 127.0.0.1 that misbehaves on purpose: it answers {@code 451} (try again)
 * to the first RCPT of every recipient whose hash falls in one seventh, and drops one connection in
 * the middle of one message's DATA. What it accepts it records, by recipient.
 */
final class FlakySmtpServer implements AutoCloseable {
  private final ServerSocket server;
  private final ExecutorService connections = Executors.newFixedThreadPool(32);
  private final Map<String, List<String>> accepted = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> rcptAttempts = new ConcurrentHashMap<>();
  private final AtomicBoolean dropped = new AtomicBoolean();
  private final AtomicInteger messages = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();
  private final int dropAt;

  FlakySmtpServer(int dropAt) throws IOException {
    this.dropAt = dropAt;
    this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptAll, "flaky-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  boolean droppedOne() {
    return dropped.get();
  }

  /** Message-IDs accepted, by recipient. */
  Map<String, List<String>> accepted() {
    return accepted;
  }

  private void acceptAll() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.execute(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(30_000);
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      reply(out, "220 flaky.test ESMTP");
      String recipient = null;
      for (String line; (line = in.readLine()) != null; ) {
        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
        switch (command) {
          case "EHLO" -> reply(out, "250-flaky.test\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760");
          case "HELO", "NOOP" -> reply(out, "250 OK");
          case "RSET" -> {
            recipient = null;
            reply(out, "250 OK");
          }
          case "MAIL" -> reply(out, "250 OK");
          case "RCPT" -> {
            String to = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
            int attempt = rcptAttempts.computeIfAbsent(to, k -> new AtomicInteger()).incrementAndGet();
            if (attempt == 1 && Math.floorMod(to.hashCode(), 7) == 0) {
              refused.incrementAndGet();
              reply(out, "451 4.3.0 try again later");
            } else {
              recipient = to;
              reply(out, "250 OK");
            }
          }
          case "DATA" -> {
            reply(out, "354 go ahead");
            boolean drop = messages.incrementAndGet() == dropAt && dropped.compareAndSet(false, true);
            String messageId = null;
            int lines = 0;
            for (String data; (data = in.readLine()) != null && !data.equals("."); ) {
              if (messageId == null && data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                messageId = data.substring(11).trim();
              }
              if (drop && ++lines == 5) {
                return; // the connection ends in the middle of the message
              }
            }
            if (recipient != null) {
              accepted.computeIfAbsent(recipient, k -> new CopyOnWriteArrayList<>()).add(String.valueOf(messageId));
            }
            reply(out, "250 OK queued");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 not implemented");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    connections.shutdownNow();
  }
}
