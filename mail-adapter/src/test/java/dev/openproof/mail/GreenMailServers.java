package dev.openproof.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/** A GreenMail SMTP server on 127.0.0.1, on a free port. */
final class GreenMailServers {
  private GreenMailServers() {}

  static GreenMailExtension smtp() {
    return new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
  }
}
