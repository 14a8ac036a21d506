package dev.openproof.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Works around a cost in Jakarta Mail 2.1: every body part, multipart, encoded word and encoder
 * stream looks its {@code StreamProvider} up with {@link java.util.ServiceLoader} through the
 * thread's context class loader, which scans every jar on the class path, a dozen times per message.
 * While this module composes or sends, the context class loader is this one: it answers that one
 * service file from memory (read once from the adapter's own class loader) and delegates everything
 * else to the adapter's class loader. The provider found is the same; only the scan is saved.
 */
final class StreamProviderLookup extends ClassLoader {
  private static final String SERVICE = "META-INF/services/jakarta.mail.util.StreamProvider";

  static {
    registerAsParallelCapable();
  }

  private final @Nullable URL cached;

  StreamProviderLookup(ClassLoader parent) {
    super(parent);
    this.cached = cache(parent);
  }

  static StreamProviderLookup forAdapter() {
    ClassLoader own = StreamProviderLookup.class.getClassLoader();
    return new StreamProviderLookup(own != null ? own : ClassLoader.getSystemClassLoader());
  }

  /** Runs the work with this as the thread's context class loader. */
  <T> T run(Supplier<T> work) {
    Thread thread = Thread.currentThread();
    ClassLoader saved = thread.getContextClassLoader();
    thread.setContextClassLoader(this);
    try {
      return work.get();
    } finally {
      thread.setContextClassLoader(saved);
    }
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    URL url = cached;
    if (url != null && SERVICE.equals(name)) {
      return Collections.enumeration(List.of(url));
    }
    return super.getResources(name);
  }

  private static @Nullable URL cache(ClassLoader parent) {
    try {
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      Enumeration<URL> found = parent.getResources(SERVICE);
      while (found.hasMoreElements()) {
        try (InputStream in = found.nextElement().openStream()) {
          in.transferTo(content);
          content.write('\n');
        }
      }
      if (content.size() == 0) {
        return null;
      }
      byte[] bytes = content.toByteArray();
      return new URL("openproof-memory", "", -1, "/" + SERVICE, new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL url) {
          return new URLConnection(url) {
            @Override
            public void connect() {
              connected = true;
            }

            @Override
            public InputStream getInputStream() {
              return new ByteArrayInputStream(bytes);
            }
          };
        }
      });
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
