package dev.openproof.examples.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A mail server named as {@code HOST:PORT}.
 *
 * @param host the host name or address
 * @param port the port, 1 to 65535
 */
record SmtpServerOption(String host, int port) {
  /** Parses {@code HOST:PORT} for picocli. */
  static final class Converter implements ITypeConverter<SmtpServerOption> {
    @Override
    public SmtpServerOption convert(String value) {
      int colon = value.lastIndexOf(':');
      if (colon <= 0 || colon == value.length() - 1) {
        throw new TypeConversionException("'" + value + "' is not HOST:PORT");
      }
      int port;
      try {
        port = Integer.parseInt(value.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' has no port number after the colon");
      }
      if (port < 1 || port > 65_535) {
        throw new TypeConversionException("port " + port + " is not 1 to 65535");
      }
      return new SmtpServerOption(value.substring(0, colon), port);
    }
  }
}
