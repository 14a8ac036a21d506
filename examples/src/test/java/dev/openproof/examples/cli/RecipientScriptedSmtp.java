package dev.openproof.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny SMTP server on 127.0.0.1 that answers RCPT TO per recipient as a test scripts it (such as
 * 451 for one address and 550 for another) and 250 to everything else. It offers no STARTTLS and
 * keeps the recipients of the messages it accepted.
 */
final class RecipientScriptedSmtp implements AutoCloseable {
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "recipient-smtp");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, String> rcptReplies = new ConcurrentHashMap<>();
  private final List<String> accepted = new CopyOnWriteArrayList<>();
  private final List<String> commands = new CopyOnWriteArrayList<>();

  RecipientScriptedSmtp() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  /** Answers RCPT TO of this address with the reply, until told otherwise. */
  RecipientScriptedSmtp rcpt(String address, String reply) {
    rcptReplies.put(address.toLowerCase(Locale.ROOT), reply);
    return this;
  }

  /** Accepts every recipient from now on. */
  RecipientScriptedSmtp acceptAll() {
    rcptReplies.clear();
    return this;
  }

  String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** The recipients of the messages accepted so far. */
  List<String> accepted() {
    return List.copyOf(accepted);
  }

  List<String> commands() {
    return List.copyOf(commands);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        threads.execute(() -> converse(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void converse(Socket socket) {
    try (socket) {
      socket.setSoTimeout(20_000);
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      write(out, "220 scripted.example.test ESMTP");
      String recipient = null;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        commands.add(line);
        String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        switch (verb) {
          case "EHLO" -> write(out, "250-scripted.example.test\r\n250-8BITMIME\r\n250 SMTPUTF8");
          case "RCPT" -> {
            String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT);
            String reply = rcptReplies.getOrDefault(address, "250 2.1.5 ok");
            recipient = reply.startsWith("250") ? address : null;
            write(out, reply);
          }
          case "DATA" -> {
            write(out, "354 go ahead");
            for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
              // the message is not kept
            }
            if (recipient != null) {
              accepted.add(recipient);
            }
            write(out, "250 2.0.0 queued");
          }
          case "QUIT" -> {
            write(out, "221 bye");
            return;
          }
          default -> write(out, "250 ok");
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client went away
    }
  }

  private static void write(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
