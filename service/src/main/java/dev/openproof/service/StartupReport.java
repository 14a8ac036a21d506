package dev.openproof.service;

import dev.openproof.spring.OpenProofProperties;
import dev.openproof.spring.SigningKeys;
import dev.openproof.spring.SmtpSandbox;
import dev.openproof.mail.SmtpSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints, once the service is up, where everything is: no secret, only where to find it. */
@Component
class StartupReport implements ApplicationListener<ApplicationReadyEvent> {
  private final OpenProofProperties properties;
  private final SigningKeys keys;
  private final ObjectProvider<SmtpSettings> smtp;
  private final ObjectProvider<SmtpSandbox> sandbox;
  private final ApiKeys apiKeys;
  private final Environment environment;

  StartupReport(OpenProofProperties properties, SigningKeys keys, ObjectProvider<SmtpSettings> smtp, ObjectProvider<SmtpSandbox> sandbox,
      ApiKeys apiKeys, Environment environment) {
    this.properties = properties;
    this.keys = keys;
    this.smtp = smtp;
    this.sandbox = sandbox;
    this.apiKeys = apiKeys;
    this.environment = environment;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    int port = event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
        ? web.getWebServer().getPort() : -1;
    PrintStream out = System.out;
    Path dir = properties.getDir().toAbsolutePath().normalize();
    String url = environment.getProperty("spring.datasource.url", "");
    int query = url.indexOf('?');
    out.println("OpenProof service on http://localhost:" + port + "  (issuer " + properties.getIssuer() + ")");
    out.println("  ledger   " + (query < 0 ? url : url.substring(0, query)));
    out.println("  keys     " + keys.dir().toAbsolutePath().normalize() + "  (active " + keys.active().keyId() + ", "
        + keys.active().algorithm().joseName() + ")");
    SmtpSandbox box = sandbox.getIfAvailable();
    out.println("  mail     " + (box != null
        ? "SMTP sandbox on 127.0.0.1:" + box.port() + ", saved in " + box.outbox().toAbsolutePath().normalize()
        : smtp.stream().map(s -> s.host() + ":" + s.port() + " (" + s.tls() + ")").findFirst().orElse("the application's own delivery")));
    Path written = apiKeys.writtenTo();
    out.println("  api key  " + (written != null
        ? "new, written once to " + written.toAbsolutePath().normalize() + " (only its hash is kept)"
        : "hash from " + apiKeys.source()));
    out.println("  api      POST /v1/orders, GET /v1/proofs/{id}; public: /.well-known/jwks.json, /status/{n},"
        + " /v3/api-docs, /actuator/health");
    out.println("  folder   " + dir);
    out.flush();
  }
}
