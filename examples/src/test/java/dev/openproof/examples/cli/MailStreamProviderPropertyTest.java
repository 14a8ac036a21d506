package dev.openproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The command names Jakarta Mail's stream provider once, so that no MIME part looks it up with ServiceLoader. */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class MailStreamProviderPropertyTest {
  private static final String PROPERTY = "jakarta.mail.util.StreamProvider";
  private String saved;

  @BeforeEach
  void save() {
    saved = System.getProperty(PROPERTY);
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(PROPERTY);
    } else {
      System.setProperty(PROPERTY, saved);
    }
  }

  @Test
  void namesAngusMailsProviderWhichJakartaMailThenUses() {
    System.clearProperty(PROPERTY);

    OpenProofCommand.nameMailStreamProvider();

    assertThat(System.getProperty(PROPERTY)).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
  }

  @Test
  void leavesAProviderTheJvmWasGiven() {
    System.setProperty(PROPERTY, "com.example.OtherStreamProvider");

    OpenProofCommand.nameMailStreamProvider();

    assertThat(System.getProperty(PROPERTY)).isEqualTo("com.example.OtherStreamProvider");
  }
}
