package dev.openproof.examples.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server inside the demo's process, on 127.0.0.1 and a free port, so that the demo sends
 * real mail without a mail server installed. Each message it accepts is written to the outbox folder
 * as a {@code .eml} file, named after its Message-ID, before the server answers {@code 250}: a mail
 * counted as delivered is a file there. It keeps nothing per message or per recipient in memory, so
 * its cost per mail stays the same however many mails a run sends.
 *
 * <p>Every read is bounded: command lines to {@value #MAX_LINE} octets, messages to {@value
 * #MAX_MESSAGE} octets, {@value #MAX_RECIPIENTS} recipients a message, {@value #MAX_CONNECTIONS}
 * connections at once, and {@value #IDLE_MILLIS} ms of silence.
 */
final class SmtpSandbox implements AutoCloseable {
  static final int MAX_LINE = 1000;
  static final int MAX_MESSAGE = 25 << 20;
  static final int MAX_RECIPIENTS = 100;
  static final int MAX_CONNECTIONS = 8;
  static final int IDLE_MILLIS = 30_000;

  private final ServerSocket server;
  private final Path outbox;
  private final ThreadPoolExecutor connections;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger savedSinceDrain = new AtomicInteger();
  private final Thread acceptor;

  private SmtpSandbox(ServerSocket server, Path outbox) {
    this.server = server;
    this.outbox = outbox;
    AtomicInteger numbers = new AtomicInteger();
    this.connections = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
      Thread thread = new Thread(task, "openproof-smtp-sandbox-" + numbers.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.acceptor = new Thread(this::accept, "openproof-smtp-sandbox");
    this.acceptor.setDaemon(true);
  }

  /**
   * Starts the server.
   *
   * @param outbox the folder that receives a file per message; it must exist
   * @return the running server; close it when done
   */
  static SmtpSandbox start(Path outbox) {
    try {
      ServerSocket socket = new ServerSocket();
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
      SmtpSandbox sandbox = new SmtpSandbox(socket, outbox);
      sandbox.acceptor.start();
      return sandbox;
    } catch (IOException e) {
      throw new UncheckedIOException("the in-process SMTP sandbox could not listen on 127.0.0.1", e);
    }
  }

  int port() {
    return server.getLocalPort();
  }

  /**
   * How many messages were saved in the outbox since the last call.
   *
   * @return the count
   */
  int drain() {
    return savedSinceDrain.getAndSet(0);
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      try {
        connections.execute(() -> serve(socket));
      } catch (RejectedExecutionException e) {
        refuse(socket);
      }
    }
  }

  private static void refuse(Socket socket) {
    try (socket; OutputStream out = socket.getOutputStream()) {
      out.write("421 4.3.2 too many connections, try again later\r\n".getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      // The client went away first: nothing to tell it.
    }
  }

  private void serve(Socket socket) {
    open.add(socket);
    try (socket) {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(IDLE_MILLIS);
      InputStream in = socket.getInputStream();
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1024);
      new SandboxSession(in, out, outbox, savedSinceDrain::incrementAndGet).run();
    } catch (SocketException e) {
      // Closed by the client or by close(): the session is over.
    } catch (IOException e) {
      // A client that times out or breaks the protocol loses its connection; what it sent whole is saved.
    } finally {
      open.remove(socket);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Closing a listening socket that fails leaves nothing to clean up.
    }
    connections.shutdown();
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException e) {
        // Already broken.
      }
    }
    try {
      acceptor.join(5_000);
      connections.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
