package dev.openproof.spring;

import dev.openproof.mail.SmtpSettings;
import dev.openproof.mail.TlsMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocketFactory;

/** Connects to an SMTP server, reads its greeting, says EHLO and QUIT: enough to know it answers. */
final class SmtpProbe {
  private static final int MAX_LINES = 100;

  private SmtpProbe() {}

  /**
   * Probes the server.
   *
   * @return the first line of its EHLO reply
   * @throws IOException if it cannot be reached or answers other than 220 and 250
   */
  static String probe(SmtpSettings settings) throws IOException {
    int timeout = (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());
    int read = (int) Math.min(Integer.MAX_VALUE, settings.readTimeout().toMillis());
    Socket plain = new Socket();
    try (Socket socket = plain) {
      socket.connect(new InetSocketAddress(settings.host(), settings.port()), timeout);
      socket.setSoTimeout(read);
      Socket s = settings.tls() == TlsMode.IMPLICIT
          ? ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket, settings.host(), settings.port(), true)
          : socket;
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = s.getOutputStream();
      expect(in, "220");
      out.write("EHLO openproof-health\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String ehlo = expect(in, "250");
      out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return ehlo;
    }
  }

  /** Reads one reply, of one or more lines; returns its first line. */
  private static String expect(BufferedReader in, String code) throws IOException {
    String first = null;
    for (int i = 0; i < MAX_LINES; i++) {
      String line = in.readLine();
      if (line == null) {
        throw new IOException("the server closed the connection");
      }
      if (line.length() > 512) {
        line = line.substring(0, 512);
      }
      if (first == null) {
        first = line;
      }
      if (!line.startsWith(code)) {
        throw new IOException("expected " + code + ", got: " + line);
      }
      if (line.length() < 4 || line.charAt(3) != '-') {
        return first;
      }
    }
    throw new IOException("the reply has more than " + MAX_LINES + " lines");
  }
}
