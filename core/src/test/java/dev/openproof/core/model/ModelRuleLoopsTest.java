package dev.openproof.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The license number's digit rule and the signed proof's dot count are loops over characters; each
 * must accept exactly what the stream rule it replaced accepted ({@code chars().allMatch} of {@code 0}
 * to {@code 9}; {@code chars().filter} of dots, counted), for every text of up to three characters
 * drawn from digits, dots' and digits' look-alikes and others.
 */
class ModelRuleLoopsTest {
  private static final char[] CHARACTERS = {'0', '5', '9', '/', ':', 'a', ' ', '\t', '\u0660', '\u0663', '\uff10',
      '\uff19', '\u00b2', '\u0000', '\ud83d', '\u0130', '.', '\u2024', '\uff0e'};

  private static boolean acceptedBefore(String value) {
    return !value.isBlank() && value.length() >= 2 && value.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static boolean payloadAcceptedBefore(String payload) {
    return !payload.isEmpty() && payload.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static List<String> texts() {
    List<String> texts = new ArrayList<>(List.of(""));
    List<String> previous = List.of("");
    for (int length = 1; length <= 3; length++) {
      List<String> next = new ArrayList<>();
      for (String text : previous) {
        for (char c : CHARACTERS) {
          next.add(text + c);
        }
      }
      texts.addAll(next);
      previous = next;
    }
    texts.add("12345678901234567890");
    texts.add("1234567890123456789x");
    return texts;
  }

  private static boolean accepted(Runnable construction) {
    try {
      construction.run();
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Test
  void aLicenseNumberAcceptsExactlyTheTextsTheStreamRuleAccepted() {
    int accepted = 0;
    for (String text : texts()) {
      boolean now = accepted(() -> new LicenseNumber(text));
      assertThat(now).as("%s", text).isEqualTo(acceptedBefore(text));
      accepted += now ? 1 : 0;
    }
    assertThat(accepted).isEqualTo(3 * 3 + 3 * 3 * 3 + 1);
  }

  @Test
  void aPayloadForTheCheckDigitIsAcceptedExactlyAsBefore() {
    for (String text : texts()) {
      assertThat(accepted(() -> LicenseNumber.withCheckDigit(text))).as("%s", text).isEqualTo(payloadAcceptedBefore(text));
    }
  }

  @Test
  void aSignedProofAcceptsExactlyTheTokensWithTwoDotsAsBefore() {
    for (String text : texts()) {
      for (String token : List.of(text, text + ".", "." + text + ".", "a." + text + ".b", text + ".." + text, "a.b.c." + text)) {
        boolean before = !token.isBlank() && token.chars().filter(c -> c == '.').count() == 2;
        assertThat(accepted(() -> new SignedProof(ProofId.of("p"), token, "ES256", "k"))).as("%s", token).isEqualTo(before);
      }
    }
  }
}
