package dev.openproof.orderjson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.openproof.core.validation.Violation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Says in a line of its own words why a document did not parse; never the parser's internal text. */
final class ParseFailures {
  /** The deepest nesting read: an order is 4 levels deep. */
  static final int MAX_DEPTH = 16;
  /** The longest number read, in characters. */
  static final int MAX_NUMBER_LENGTH = 64;

  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{0,200})'");

  private ParseFailures() {}

  static Violation violation(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    String where = where(e.getLocation());
    if (e instanceof StreamConstraintsException) {
      if (message.contains("nesting depth")) {
        return new Violation("", "is nested deeper than " + MAX_DEPTH + " levels" + where);
      }
      if (message.contains("Number value length")) {
        return new Violation("", "has a number longer than " + MAX_NUMBER_LENGTH + " characters" + where);
      }
      return new Violation("", "has a value longer than this reader takes" + where);
    }
    Matcher duplicate = DUPLICATE.matcher(message);
    if (duplicate.find()) {
      String parent = e.getProcessor() instanceof JsonParser parser ? parentPath(parser.getParsingContext()) : "";
      String path = parent.isEmpty() ? duplicate.group(1) : parent + "." + duplicate.group(1);
      return new Violation(path, "appears twice");
    }
    if (e instanceof MismatchedInputException && message.contains("Trailing token")) {
      return new Violation("", "has content after its JSON value" + where + "; a document is exactly one object");
    }
    return new Violation("", "is not well-formed JSON" + where);
  }

  private static String where(@Nullable JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** The path of the object that holds the member being read, such as {@code lines[0]}. */
  private static String parentPath(@Nullable JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    // The innermost context is the object with the duplicate; its own name is the duplicate.
    for (JsonStreamContext c = context == null ? null : context.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
      parts.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : name(c));
    }
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (!part.startsWith("[") && out.length() > 0) {
        out.append('.');
      }
      out.append(part);
    }
    return out.toString();
  }

  private static String name(JsonStreamContext c) {
    String name = c.getCurrentName();
    return name == null ? "?" : name;
  }
}
