package dev.openproof.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.testing.SampleOrders;
import org.junit.jupiter.api.Test;

class QrSymbolTest {
  @Test
  void aTypicalProofFitsAQrCodeAPhoneReads() {
    LicenseProof proof = CertificateFixture.proof(SampleOrders.russian(), "702411390");
    SignedProof signed = CertificateFixture.sign(proof);
    String link = CertificateFixture.CERTIFICATES.verificationLink(signed).toString();
    assertThat(QrSymbol.of(link)).get().extracting(QrSymbol::version).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.INTEGER)
        .isLessThanOrEqualTo(30);
  }

  @Test
  void theModulesItDrawsReadBackToTheLinkThroughAnIndependentDecoder() throws Exception {
    for (String number : java.util.List.of("702411390", "702411391", "702411392")) {
      LicenseProof proof = CertificateFixture.proof(SampleOrders.russian(), number);
      String link = CertificateFixture.CERTIFICATES.verificationLink(CertificateFixture.sign(proof)).toString();
      QrSymbol symbol = QrSymbol.of(link).orElseThrow();
      int size = 17 + 4 * symbol.version();
      com.google.zxing.common.BitMatrix matrix = new com.google.zxing.common.BitMatrix(size);
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          if (symbol.module(x, y)) {
            matrix.set(x, y);
          }
        }
      }

      assertThat(new com.google.zxing.qrcode.decoder.Decoder().decode(matrix).getText()).isEqualTo(link);
    }
  }

  @Test
  void aTextTooLongForAnyQrCodeHasNone() {
    assertThat(QrSymbol.of("x".repeat(3000))).isEmpty();
  }

  @Test
  void itsRectanglesCoverEachDarkModuleOnceAndNoLightOne() {
    java.util.Random random = new java.util.Random(16);
    for (int i = 0; i < 40; i++) {
      StringBuilder text = new StringBuilder("https://licensing.example.test/verify#");
      for (int j = random.nextInt(1200); j > 0; j--) {
        text.append((char) ('A' + random.nextInt(26)));
      }
      QrSymbol symbol = QrSymbol.of(text.toString()).orElseThrow();
      int size = 17 + 4 * symbol.version();
      int span = size + 2 * QrSymbol.QUIET_ZONE;
      int[] covered = new int[span * span];
      int[] rectangles = symbol.rectangles();
      int runs = 0;
      for (int k = 0; k < rectangles.length; k += 4) {
        assertThat(rectangles[k + 2]).isPositive();
        assertThat(rectangles[k + 3]).isPositive();
        for (int dy = 0; dy < rectangles[k + 3]; dy++) {
          for (int dx = 0; dx < rectangles[k + 2]; dx++) {
            int column = rectangles[k] + dx;
            int row = span - 1 - (rectangles[k + 1] + dy); // y upwards on the page, rows downwards
            covered[row * span + column]++;
          }
        }
      }
      for (int y = 0; y < size; y++) {
        boolean dark = false;
        for (int x = 0; x < size; x++) {
          int expected = symbol.module(x, y) ? 1 : 0;
          assertThat(covered[(y + QrSymbol.QUIET_ZONE) * span + x + QrSymbol.QUIET_ZONE]).as("module %d,%d", x, y)
              .isEqualTo(expected);
          if (symbol.module(x, y) && !dark) {
            runs++;
          }
          dark = symbol.module(x, y);
        }
      }
      int total = 0;
      for (int c : covered) {
        total += c;
      }
      int dark = 0;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          dark += symbol.module(x, y) ? 1 : 0;
        }
      }
      assertThat(total).as("nothing in the quiet zone").isEqualTo(dark);
      // Runs that repeat the row above are joined: fewer rectangles than runs (the finders alone repeat).
      assertThat(rectangles.length / 4).isLessThan(runs);
    }
  }
}
