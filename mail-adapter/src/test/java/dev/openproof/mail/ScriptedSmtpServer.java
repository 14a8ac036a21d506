package dev.openproof.mail;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A small SMTP server on 127.0.0.1 whose replies a test scripts: a reply to a command, to the end of
 * the data, no reply at all ({@link #HANG}), or a dropped connection ({@link #DROP}). It counts
 * connections and keeps every command and message it receives.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  /** Never answer; read until the client gives up. */
  static final String HANG = "<hang>";
  /** Close the connection without a word. */
  static final String DROP = "<drop>";

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "scripted-smtp");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, String> commandReplies = new ConcurrentHashMap<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger dataEnds = new AtomicInteger();
  private volatile IntFunction<String> endOfData = n -> "250 2.0.0 queued as " + n;
  private volatile int dropAfterMessages;
  private volatile String extensions = "250-fake.example.test\r\n250-8BITMIME\r\n250 SMTPUTF8";

  private ScriptedSmtpServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  static ScriptedSmtpServer start() {
    try {
      return new ScriptedSmtpServer();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Answers every command of this verb (MAIL, RCPT, DATA, EHLO…) with the reply, HANG or DROP. */
  ScriptedSmtpServer reply(String verb, String reply) {
    commandReplies.put(verb.toUpperCase(Locale.ROOT), reply);
    return this;
  }

  /** Answers the end of the data of the n-th message (counted from 1 over all connections). */
  ScriptedSmtpServer endOfData(IntFunction<String> reply) {
    this.endOfData = reply;
    return this;
  }

  /** Closes each connection, without a word, right after it has carried this many messages. */
  ScriptedSmtpServer dropAfterMessages(int count) {
    this.dropAfterMessages = count;
    return this;
  }

  /** The EHLO reply, such as {@code "250 fake"} to offer no extension. */
  ScriptedSmtpServer ehlo(String reply) {
    this.extensions = reply;
    return this;
  }

  int port() {
    return server.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  List<String> commands() {
    return List.copyOf(commands);
  }

  /** The content of every message whose end of data was answered with 250. */
  List<String> messages() {
    return List.copyOf(messages);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.incrementAndGet();
        sockets.add(socket);
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
      if (!answer(socket, out, commandReplies.getOrDefault("GREETING", "220 fake.example.test ESMTP"), in)) {
        return;
      }
      int carried = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        commands.add(line);
        String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        String scripted = commandReplies.get(verb);
        if (scripted != null) {
          if (!answer(socket, out, scripted, in)) {
            return;
          }
          continue;
        }
        switch (verb) {
          case "EHLO" -> write(out, extensions);
          case "QUIT" -> {
            write(out, "221 bye");
            return;
          }
          case "DATA" -> {
            write(out, "354 go ahead");
            StringBuilder message = new StringBuilder();
            for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
              message.append(data.startsWith("..") ? data.substring(1) : data).append("\r\n");
            }
            int n = dataEnds.incrementAndGet();
            String reply = endOfData.apply(n);
            if (reply.startsWith("250")) {
              messages.add(message.toString());
            }
            if (!answer(socket, out, reply, in)) {
              return;
            }
            if (reply.startsWith("250") && ++carried == dropAfterMessages) {
              return;
            }
          }
          default -> write(out, "250 ok");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  /** Writes the reply, or hangs, or drops; tells whether the conversation goes on. */
  private boolean answer(Socket socket, OutputStream out, String reply, BufferedReader in) throws IOException {
    if (reply.equals(DROP)) {
      return false;
    }
    if (reply.equals(HANG)) {
      while (in.read() >= 0) {
        // say nothing until the client closes
      }
      return false;
    }
    write(out, reply);
    return !reply.startsWith("421");
  }

  private static void write(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    threads.shutdownNow();
  }
}
