package dev.openproof.examples.cli;

import dev.openproof.examples.demo.SiteFolder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openproof site --dir DIR [--out SITE]}: the verification site, ready for a static web server. */
@Command(name = "site", header = "Write the verification site for the issuer's web server.", description =
    "Write the verification site of the demo's folder: verify.html, jwks.json and status/<n>.jwt,"
        + " ready to copy to the issuer's web server (any static host). revoke and status publish refresh"
        + " DIR/site/.")
final class SiteCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--dir", defaultValue = "openproof-demo", description = "The demo's folder; default ${DEFAULT-VALUE}.")
  Path dir;

  @Option(names = "--out", paramLabel = "SITE", description = "Where to write the site; default DIR/site.")
  Path out;

  @Option(names = "--issuer", defaultValue = OpenProofCommand.DEFAULT_ISSUER, description = "The issuer; default ${DEFAULT-VALUE}.")
  String issuer;

  @Option(names = "--no-embed-keys", description = "Do not embed the keys in verify.html (the page then reads jwks.json beside it).")
  boolean noEmbeddedKeys;

  @Override
  public Integer call() throws Exception {
    Path site = out == null ? dir.resolve(SiteFolder.SITE) : out;
    for (Path file : SiteFolder.write(dir, site, issuer, !noEmbeddedKeys)) {
      spec.commandLine().getOut().println("wrote " + file);
    }
    return 0;
  }
}
