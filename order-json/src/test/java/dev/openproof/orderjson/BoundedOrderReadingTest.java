package dev.openproof.orderjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.openproof.core.testing.SampleFiles;
import dev.openproof.core.validation.InvalidOrderException;
import dev.openproof.core.validation.Violation;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Order files are read bounded, as exactly one UTF-8 JSON object, and refused in the reader's own words. */
class BoundedOrderReadingTest {
  private final OrderJson json = OrderJson.create();
  private final String sample = SampleFiles.text("order-ru.json");

  private List<String> refusal(String doc) {
    return catchThrowableOfType(InvalidOrderException.class, () -> json.parse(doc, "order")).violations().stream()
        .map(Violation::toString).toList();
  }

  private static void assertNoInternals(List<String> lines) {
    assertThat(String.join("\n", lines)).doesNotContain("com.fasterxml", "Cannot invoke", "getLineNr", "Input length",
        "Exception", "StreamReadConstraints", "source:");
  }

  @Test
  void anEndlessDeviceIsRefusedAfterTheLimitWithoutReadingOn() {
    Path zero = Path.of("/dev/zero");
    InvalidOrderException e = catchThrowableOfType(InvalidOrderException.class, () -> json.read(zero));
    assertThat(e.violations()).extracting(Violation::message).singleElement().asString().contains("larger than");
  }

  @Test
  void anEndlessStreamIsReadNoFurtherThanTheLimit() {
    InputStream endless = new InputStream() {
      long read;

      @Override
      public int read() {
        read++;
        return ' ';
      }
    };
    InvalidOrderException e = catchThrowableOfType(InvalidOrderException.class, () -> json.read(endless, "standard input"));
    assertThat(e.getMessage()).contains("standard input", "larger than");
  }

  @Test
  void anythingAfterTheTopLevelObjectIsRefused() {
    String trimmed = sample.strip();
    for (String doc : List.of(trimmed + " xyz", trimmed + trimmed, trimmed + " {}", trimmed + " 1", trimmed + "]")) {
      List<String> lines = refusal(doc);
      assertThat(lines).as(doc.substring(doc.length() - 5)).singleElement().asString()
          .satisfiesAnyOf(l -> assertThat(l).contains("has content after its JSON value"),
              l -> assertThat(l).contains("is not well-formed JSON"));
      assertNoInternals(lines);
    }
    assertThat(json.parse(trimmed + "\n\n  \t", "order").orderId().value()).isEqualTo("PO-2020-0815-001");
  }

  @Test
  void aDuplicateMemberIsNamedWithItsPath() {
    assertThat(refusal(sample.replace("\"name\": \"ООО «Ромашка»\"", "\"name\": \"ООО «Ромашка»\", \"name\": \"x\"")))
        .containsExactly("customer.name: appears twice");
    String doubledSku = sample.replaceFirst("\"sku\": \"([^\"]*)\"", "\"sku\": \"$1\", \"sku\": \"other\"");
    assertThat(refusal(doubledSku)).containsExactly("lines[0].sku: appears twice");
    assertThat(refusal("{\"currency\": \"EUR\", \"currency\": \"RUB\"}")).containsExactly("currency: appears twice");
  }

  @Test
  void textThatIsNotUtf8IsNamedAsSuch(@TempDir Path dir) throws Exception {
    byte[] latin1 = sample.replace("Ромашка", "Müller").getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve("latin1.json"), latin1);
    InvalidOrderException e = catchThrowableOfType(InvalidOrderException.class, () -> json.read(file));
    assertThat(e.violations()).extracting(Violation::message).singleElement().asString()
        .startsWith("is not UTF-8 text (byte 0x").doesNotContain("Input length");
    Path utf16 = Files.write(dir.resolve("utf16.json"), sample.getBytes(StandardCharsets.UTF_16));
    assertThat(catchThrowableOfType(InvalidOrderException.class, () -> json.read(utf16)).getMessage()).contains("not UTF-8");
  }

  @Test
  void deepNestingAndHugeNumbersAreRefusedInPlainWords() {
    List<String> deep = refusal("[".repeat(100_000) + "]".repeat(100_000));
    assertThat(deep).singleElement().asString().contains("nested deeper than 16 levels");
    assertNoInternals(deep);
    List<String> deepObject = refusal("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000));
    assertThat(deepObject).singleElement().asString().contains("nested deeper");
    List<String> digits = refusal(sample.replace("\"quantity\": 25", "\"quantity\": " + "9".repeat(100_000)));
    assertThat(digits).singleElement().asString().contains("a number longer than 64 characters");
    assertNoInternals(digits);
    List<String> fraction = refusal(sample.replace("\"quantity\": 25", "\"quantity\": 1." + "0".repeat(100_000)));
    assertThat(fraction).singleElement().asString().contains("a number longer than");
    assertNoInternals(refusal("{\"order_id\": \"" + "x".repeat(10) + "\\uZZZZ\"}"));
    assertNoInternals(refusal(""));
    assertNoInternals(refusal("\u0000"));
  }

  @Test
  void anEighteenKilobyteLanguageTagIsRefusedWithoutExhaustingTheStack() {
    String tag = "en" + "-abcdefgh".repeat(2_000);
    List<String> lines = refusal(sample.replace("\"language\": \"ru\"", "\"language\": \"" + tag + "\""));
    assertThat(lines).containsExactly("customer.language: must be a BCP 47 language tag of at most 35 characters such as ru or de-AT");
  }

  @Test
  void aMissingFileIsNamedInOneLine(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    assertThat(catchThrowableOfType(java.io.IOException.class, () -> json.read(missing)).getMessage())
        .isEqualTo("cannot read " + missing + ": no such file");
  }

  @Test
  void aByteOrderMarkIsNoReasonToRefuse() {
    byte[] withBom = ("\uFEFF" + sample).getBytes(StandardCharsets.UTF_8);
    assertThat(catchThrowableOfType(InvalidOrderException.class,
        () -> json.read(new ByteArrayInputStream(withBom), "order"))).isNull();
  }
}
