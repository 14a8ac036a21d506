package dev.openproof.spring;

import dev.openproof.certificate.CertificateContact;
import dev.openproof.certificate.ProofCertificate;
import dev.openproof.core.port.ProofAttachments;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The PDF certificate, where the certificate module is on the class path and {@code
 * openproof.certificate.enabled} is not {@code false}: a {@link ProofCertificate} for the issuer, with
 * the support contacts of {@code openproof.support.*}, and its {@link ProofAttachments}, which the
 * proof mail carries.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.openproof.certificate.ProofCertificate")
@ConditionalOnProperty(prefix = "openproof.certificate", name = "enabled", matchIfMissing = true)
class CertificateConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ProofCertificate openProofCertificate(OpenProofProperties properties) {
    ProofCertificate.Builder b = ProofCertificate.builder().issuerSite(properties.verificationSite()).issuer(properties.getIssuer());
    Map<String, SupportProperties.Region> regions = properties.getSupport().getRegions();
    String fallback = properties.getSupport().getFallback();
    if (fallback != null && regions.containsKey(fallback)) {
      b.support(contact(regions.get(fallback)));
    }
    for (SupportProperties.Region region : regions.values()) {
      CertificateContact contact = contact(region);
      region.getCountries().forEach(country -> b.support(country, contact));
    }
    return b.build();
  }

  @Bean
  @ConditionalOnMissingBean
  ProofAttachments openProofCertificateAttachments(ProofCertificate certificate) {
    return certificate.attachments();
  }

  private static CertificateContact contact(SupportProperties.Region region) {
    return new CertificateContact(region.getName(), region.getEmail(), region.getPhone());
  }
}
