package dev.openproof.jwt.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Status List Tokens of an issuer in a folder: the list {@code <base>/<n>} is the file {@code
 * <n>.jwt}, as {@code openproof status publish} writes them. A proof that names a list not of that
 * form is refused, and no file is read for it; so is a file that is not a regular file (a device, a
 * pipe). A file is read again only when its size or time changes; each read is bounded by {@link
 * StatusSource#MAX_TOKEN_BYTES}.
 */
final class FolderStatusLists implements StatusSource {
  private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,8}");
  private static final int MAX_KEPT = 64;

  private final Path folder;
  private final String base;
  private final Map<String, Read> kept = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Read> eldest) {
      return size() > MAX_KEPT;
    }
  };

  private record Read(long size, long modified, String token) {}

  FolderStatusLists(Path folder, String baseUri) {
    this.folder = Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(baseUri, "baseUri");
    if (baseUri.isBlank() || baseUri.endsWith("/")) {
      throw new IllegalArgumentException("the base URI of the status lists must not be blank or end with '/': " + baseUri);
    }
    this.base = baseUri + "/";
  }

  @Override
  public String token(String listUri) {
    String number = listUri.startsWith(base) ? listUri.substring(base.length()) : "";
    if (!NUMBER.matcher(number).matches()) {
      throw StatusSourceException.untrusted("the proof's status list " + Quote.of(listUri) + " is not a list "
          + base + "<n> of the folder " + folder + "; it was not read");
    }
    Path file = folder.resolve(number + ".jwt");
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new StatusSourceException("cannot read the status list token " + file
          + (e instanceof java.nio.file.NoSuchFileException ? " (no such file)" : " (I/O error)"));
    }
    if (!attributes.isRegularFile()) {
      throw new StatusSourceException("the status list token " + file + " is not a regular file");
    }
    long modified = attributes.lastModifiedTime().toMillis();
    synchronized (kept) {
      Read known = kept.get(number);
      if (known != null && known.size() == attributes.size() && known.modified() == modified) {
        return known.token();
      }
    }
    String token = new String(TokenFiles.read(file), StandardCharsets.UTF_8).strip();
    synchronized (kept) {
      kept.put(number, new Read(attributes.size(), modified, token));
    }
    return token;
  }

  @Override
  public String toString() {
    return "FolderStatusLists[" + folder + " for " + base + "<n>]";
  }
}
