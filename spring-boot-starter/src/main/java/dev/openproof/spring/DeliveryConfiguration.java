package dev.openproof.spring;

import dev.openproof.core.port.ProofAttachments;
import dev.openproof.core.port.ProofDelivery;
import dev.openproof.mail.SmtpProofDelivery;
import dev.openproof.mail.SmtpSettings;
import dev.openproof.mail.SupportContact;
import dev.openproof.mail.SupportDirectory;
import java.net.URI;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The delivery of proofs: SMTP from {@code openproof.smtp.*}, with the support contacts of {@code
 * openproof.support.*}; the mail carries the files of the {@link ProofAttachments} bean, if any
 * (the PDF certificate of {@link CertificateConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import(CertificateConfiguration.class)
class DeliveryConfiguration {

  @Bean
  @ConditionalOnMissingBean
  SupportDirectory openProofSupportDirectory(OpenProofProperties properties) {
    return supportDirectory(properties.getSupport());
  }

  @Bean
  @ConditionalOnMissingBean({SmtpSettings.class, ProofDelivery.class})
  SmtpSettings openProofSmtpSettings(OpenProofProperties properties, SupportDirectory support) {
    SmtpProperties smtp = properties.getSmtp();
    String host = smtp.getHost();
    if (host == null) {
      throw Properties.invalid("openproof.smtp.host", null,
          "must be set: no SMTP server is named, and the sandbox's GreenMail is not on the class path");
    }
    return settings(properties, support).host(host).port(smtp.getPort()).tls(smtp.getTls()).build();
  }

  @Bean
  @ConditionalOnMissingBean
  ProofDelivery openProofDelivery(SmtpSettings settings, ObjectProvider<ProofAttachments> attachments) {
    return SmtpProofDelivery.create(settings, attachments.getIfAvailable(ProofAttachments::none));
  }

  /** Settings from the properties, all but the server's address. */
  static SmtpSettings.Builder settings(OpenProofProperties properties, SupportDirectory support) {
    SmtpProperties smtp = properties.getSmtp();
    Properties.requirePositive("openproof.smtp.connect-timeout", smtp.getConnectTimeout());
    Properties.requirePositive("openproof.smtp.read-timeout", smtp.getReadTimeout());
    SmtpSettings.Builder b = SmtpSettings.builder()
        .from(smtp.getFrom(), smtp.getFromName())
        .connectTimeout(smtp.getConnectTimeout())
        .readTimeout(smtp.getReadTimeout())
        .writeTimeout(smtp.getReadTimeout())
        .supportDirectory(support);
    if ("https".equalsIgnoreCase(properties.getSiteUrl().getScheme())) {
      // Mails name the JWK Set only at an https address, which a partner can trust.
      b.jwksUri(URI.create(properties.site() + "/.well-known/jwks.json")).issuerSite(properties.verificationSite());
    }
    String domain = smtp.getMessageIdDomain() != null ? smtp.getMessageIdDomain() : properties.getSiteUrl().getHost();
    if (domain != null) {
      b.messageIdDomain(domain);
    }
    if (smtp.getUsername() != null) {
      if (smtp.getPassword() == null) {
        throw Properties.invalid("openproof.smtp.password", null, "must be set with openproof.smtp.username");
      }
      b.authentication(smtp.getUsername(), smtp.getPassword());
    }
    return b;
  }

  static SupportDirectory supportDirectory(SupportProperties support) {
    Map<String, SupportProperties.Region> regions = support.getRegions();
    if (regions.isEmpty()) {
      return SupportDirectory.defaults();
    }
    String fallback = support.getFallback();
    if (fallback == null || !regions.containsKey(fallback)) {
      throw Properties.invalid("openproof.support.fallback", fallback, "must name one of the regions " + regions.keySet());
    }
    SupportDirectory.Builder b = SupportDirectory.builder(contact(regions.get(fallback)));
    for (SupportProperties.Region region : regions.values()) {
      SupportContact contact = contact(region);
      region.getCountries().forEach(country -> b.country(country, contact));
    }
    return b.build();
  }

  private static SupportContact contact(SupportProperties.Region region) {
    return new SupportContact(region.getName(), region.getEmail(), region.getPhone());
  }
}
