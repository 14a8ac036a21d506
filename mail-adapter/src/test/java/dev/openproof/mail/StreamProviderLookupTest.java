package dev.openproof.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamProviderLookupTest {
  @Test
  void answersTheStreamProviderServiceFromMemoryWithTheSameProvider() throws Exception {
    StreamProviderLookup lookup = StreamProviderLookup.forAdapter();
    List<URL> urls = Collections.list(lookup.getResources("META-INF/services/jakarta.mail.util.StreamProvider"));

    assertThat(urls).singleElement().satisfies(url -> {
      assertThat(url.getProtocol()).isEqualTo("openproof-memory");
      try (var in = url.openStream()) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("org.eclipse.angus.mail.util.MailStreamProvider");
      }
    });
    assertThat(Collections.list(lookup.getResources("META-INF/MANIFEST.MF"))).isNotEmpty();
  }

  @Test
  void restoresTheCallersContextClassLoader() {
    ClassLoader before = Thread.currentThread().getContextClassLoader();

    Mails.delivery(25).writeMessage(Mails.russian("d-tccl"), new ByteArrayOutputStream());

    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
  }

  @Test
  void choosesTheTransferEncodingFromTheBytes() {
    assertThat(MimeParts.transferEncoding("plain ASCII\r\nlines".getBytes(StandardCharsets.UTF_8))).isEqualTo("7bit");
    assertThat(MimeParts.transferEncoding("x".repeat(1200).getBytes(StandardCharsets.UTF_8))).isEqualTo("quoted-printable");
    assertThat(MimeParts.transferEncoding("mostly ASCII, with ü".getBytes(StandardCharsets.UTF_8))).isEqualTo("quoted-printable");
    assertThat(MimeParts.transferEncoding("Ваше подтверждение лицензии".getBytes(StandardCharsets.UTF_8))).isEqualTo("base64");
  }
}
