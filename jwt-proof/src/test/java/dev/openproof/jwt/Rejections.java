package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;

/** Asserts that a verifier rejects a token for one reason, with a one-line message. */
final class Rejections {
  private Rejections() {}

  static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(ProofVerifier verifier, String token, RejectionReason reason) {
    return assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOfSatisfying(ProofVerificationException.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo(reason);
          org.assertj.core.api.Assertions.assertThat(e.reasonCode()).isEqualTo(reason.name());
          org.assertj.core.api.Assertions.assertThat(e.getMessage()).isNotBlank().doesNotContain("\n", "\r", "Exception", "jackson");
          org.assertj.core.api.Assertions.assertThat(e.getCause()).isNull();
        });
  }
}
