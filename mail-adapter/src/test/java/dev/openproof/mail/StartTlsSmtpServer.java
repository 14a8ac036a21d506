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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An SMTP server on 127.0.0.1 that offers STARTTLS with the TLS context it is given and accepts mail
 * only after the upgrade, as a company's mail relay does. It keeps every message it accepts and
 * every handshake failure it sees.
 */
final class StartTlsSmtpServer implements AutoCloseable {
  private final SSLContext tls;
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "starttls-smtp");
    t.setDaemon(true);
    return t;
  });
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final List<String> tlsProtocols = new CopyOnWriteArrayList<>();
  private final List<String> handshakeFailures = new CopyOnWriteArrayList<>();

  private StartTlsSmtpServer(SSLContext tls) throws IOException {
    this.tls = tls;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  static StartTlsSmtpServer start(SSLContext tls) {
    try {
      return new StartTlsSmtpServer(tls);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  int port() {
    return server.getLocalPort();
  }

  /** The content of every message accepted, all of them over TLS. */
  List<String> messages() {
    return List.copyOf(messages);
  }

  /** The protocol of each TLS session that was set up, such as {@code TLSv1.3}. */
  List<String> tlsProtocols() {
    return List.copyOf(tlsProtocols);
  }

  /** What went wrong in each handshake that failed, as the server saw it. */
  List<String> handshakeFailures() {
    return List.copyOf(handshakeFailures);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        threads.execute(() -> converse(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void converse(Socket plain) {
    Socket socket = plain;
    try {
      plain.setSoTimeout(20_000);
      BufferedReader in = reader(plain);
      OutputStream out = plain.getOutputStream();
      write(out, "220 relay.example.test ESMTP");
      boolean secure = false;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        switch (verb) {
          case "EHLO" -> write(out, secure ? "250-relay.example.test\r\n250 8BITMIME"
              : "250-relay.example.test\r\n250-8BITMIME\r\n250 STARTTLS");
          case "STARTTLS" -> {
            write(out, "220 2.0.0 ready to start TLS");
            SSLSocket upgraded = (SSLSocket) tls.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
            upgraded.setUseClientMode(false);
            try {
              upgraded.startHandshake();
            } catch (IOException e) {
              handshakeFailures.add(String.valueOf(e.getMessage()));
              upgraded.close();
              return;
            }
            tlsProtocols.add(upgraded.getSession().getProtocol());
            socket = upgraded;
            in = reader(upgraded);
            out = upgraded.getOutputStream();
            secure = true;
          }
          case "MAIL", "RCPT" -> write(out, secure ? "250 2.1.0 ok" : "530 5.7.0 must issue a STARTTLS command first");
          case "DATA" -> {
            write(out, "354 go ahead");
            StringBuilder message = new StringBuilder();
            for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
              message.append(data.startsWith("..") ? data.substring(1) : data).append("\r\n");
            }
            messages.add(message.toString());
            write(out, "250 2.0.0 queued");
          }
          case "QUIT" -> {
            write(out, "221 bye");
            return;
          }
          default -> write(out, "250 ok");
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  private static BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
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
