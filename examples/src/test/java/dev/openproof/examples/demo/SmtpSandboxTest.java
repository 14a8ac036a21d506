package dev.openproof.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's SMTP sandbox over a real socket: each accepted mail is a file, and every read is bounded. */
class SmtpSandboxTest {
  @TempDir
  Path outbox;

  private SmtpSandbox sandbox;

  @BeforeEach
  void start() {
    sandbox = SmtpSandbox.start(outbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  /** A client that speaks SMTP line by line and keeps every reply. */
  private final class Client implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    Client() throws IOException {
      socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port());
      socket.setSoTimeout(10_000);
      in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      out = socket.getOutputStream();
      assertThat(reply()).startsWith("220 ");
    }

    String send(String line) throws IOException {
      out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return reply();
    }

    /** The last line of a reply, or {@code null} when the server closed the connection. */
    String reply() throws IOException {
      String line = in.readLine();
      while (line != null && line.length() > 3 && line.charAt(3) == '-') {
        line = in.readLine();
      }
      return line;
    }

    String mail(String recipient, String messageId, String body) throws IOException {
      assertThat(send("MAIL FROM:<licensing@vendor.example.test>")).startsWith("250");
      assertThat(send("RCPT TO:<" + recipient + ">")).startsWith("250");
      assertThat(send("DATA")).startsWith("354");
      return send("Message-ID:\r\n <" + messageId + ">\r\nTo: <" + recipient + ">\r\nSubject: proof\r\n\r\n" + body + "\r\n.");
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(outbox)) {
      return files.sorted().toList();
    }
  }

  @Test
  void eachAcceptedMailIsAFileNamedAfterItsMessageIdBeforeTheServerSaysSo() throws IOException {
    try (Client client = new Client()) {
      assertThat(client.send("EHLO test.example")).startsWith("250 ");
      for (int i = 1; i <= 300; i++) {
        String id = "m" + i + "@proofs.example.test";
        assertThat(client.mail("it@customer" + i + ".example.test", id, "line " + i)).startsWith("250 ");
        Path file = outbox.resolve(Outbox.fileName("<" + id + ">"));
        assertThat(file).as("written before the 250").exists();
      }
      assertThat(client.send("QUIT")).startsWith("221");
    }
    assertThat(files()).hasSize(300).allMatch(f -> f.getFileName().toString().endsWith(".eml"));
    assertThat(sandbox.drain()).isEqualTo(300);
    assertThat(sandbox.drain()).isZero();
    assertThat(Files.readString(outbox.resolve(Outbox.fileName("<m7@proofs.example.test>")), StandardCharsets.US_ASCII))
        .isEqualTo("Message-ID:\r\n <m7@proofs.example.test>\r\nTo: <it@customer7.example.test>\r\nSubject: proof\r\n\r\nline 7\r\n");
  }

  @Test
  void aDotTheClientDoubledIsTakenOutAndTheMessageEndsOnlyAtALoneDot() throws IOException {
    try (Client client = new Client()) {
      client.send("HELO test.example");
      assertThat(client.mail("a@b.example.test", "dots@x.test", "..\r\n..leading\r\n.. \r\nend")).startsWith("250");
    }
    String text = Files.readString(outbox.resolve(Outbox.fileName("<dots@x.test>")), StandardCharsets.US_ASCII);
    assertThat(text).endsWith("\r\n\r\n.\r\n.leading\r\n. \r\nend\r\n");
  }

  @Test
  void commandsOutOfOrderAreRefusedAndNothingIsSaved() throws IOException {
    try (Client client = new Client()) {
      assertThat(client.send("MAIL FROM:<a@b.test>")).startsWith("503");
      assertThat(client.send("EHLO x")).startsWith("250");
      assertThat(client.send("RCPT TO:<a@b.test>")).startsWith("503");
      assertThat(client.send("DATA")).startsWith("503");
      assertThat(client.send("MAIL <a@b.test>")).startsWith("501");
      assertThat(client.send("FROB")).startsWith("502");
      assertThat(client.send("NOOP")).startsWith("250");
    }
    assertThat(files()).isEmpty();
    assertThat(sandbox.drain()).isZero();
  }

  @Test
  void aCommandLineLongerThanTheLimitEndsTheConnection() throws IOException {
    try (Client client = new Client()) {
      assertThat(client.send("EHLO " + "x".repeat(SmtpSandbox.MAX_LINE))).startsWith("500");
      assertThat(client.reply()).isNull();
    }
  }

  @Test
  void recipientsOfOneMessageAreBounded() throws IOException {
    try (Client client = new Client()) {
      client.send("EHLO x");
      client.send("MAIL FROM:<a@b.test>");
      for (int i = 0; i < SmtpSandbox.MAX_RECIPIENTS; i++) {
        assertThat(client.send("RCPT TO:<r" + i + "@b.test>")).startsWith("250");
      }
      assertThat(client.send("RCPT TO:<one-more@b.test>")).startsWith("452");
    }
  }

  @Test
  void aMessageLargerThanTheLimitIsRefusedAndLeavesNoFile() throws IOException {
    String line = "x".repeat(998);
    try (Client client = new Client()) {
      client.send("EHLO x");
      client.send("MAIL FROM:<a@b.test>");
      client.send("RCPT TO:<c@d.test>");
      assertThat(client.send("DATA")).startsWith("354");
      client.out.write("Message-ID: <big@x.test>\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = (line + "\r\n").repeat(1000).getBytes(StandardCharsets.US_ASCII);
      for (long sent = 0; sent <= SmtpSandbox.MAX_MESSAGE; sent += chunk.length) {
        client.out.write(chunk);
      }
      assertThat(client.send(".")).startsWith("552");
      assertThat(client.mail("c@d.test", "small@x.test", "fits")).as("the session goes on").startsWith("250");
    }
    assertThat(files()).extracting(f -> f.getFileName().toString()).containsExactly(Outbox.fileName("<small@x.test>"));
  }

  @Test
  void clientsMaySendAtTheSameTime() throws Exception {
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 4; t++) {
      int client = t;
      threads.add(new Thread(() -> {
        try (Client c = new Client()) {
          c.send("EHLO c" + client);
          for (int i = 0; i < 25; i++) {
            assertThat(c.mail("x@y.test", "c" + client + "-" + i + "@x.test", "hello")).startsWith("250");
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failures).isEmpty();
    assertThat(files()).hasSize(100);
    assertThat(sandbox.drain()).isEqualTo(100);
  }
}
