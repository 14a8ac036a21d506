package dev.openproof.certificate;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.gsub.GsubWorker;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * The glyph substitutions (ligatures such as ff, fl, ffl) of one face, remembered per word for the
 * thread that parsed it. PDFBox works out a word's substitutions from the font's tables each time it
 * shows the word, compiling a pattern of the face's ligatures per word and feature: a tenth of a
 * certificate. The result depends on the face and the word's glyphs alone, so this memo gives the
 * same glyphs the font's own rules give, the first time from those rules and after that from memory.
 *
 * <p>The memo takes the place of the substitution PDFBox makes for a content stream when the font is
 * set on it. Where that place cannot be reached (a later PDFBox, a module system closing it), the
 * stream keeps its own and the output is the same, only slower.
 */
final class Ligatures {
  /** Words kept per face and thread: the certificate's own words and a run of orders' values. */
  static final int KEPT = 4096;
  private static final @Nullable Field WORKERS = workersField();

  private final Map<List<Integer>, List<Integer>> known = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<List<Integer>, List<Integer>> eldest) {
      return size() > KEPT;
    }
  };
  private long asked;
  private long worked;

  /**
   * Puts this memo in the place of the substitution that {@code stream} made for {@code font}, a font
   * of this memo's face, when the font was set on it; does nothing where there is none or no access.
   */
  void install(PDPageContentStream stream, PDType0Font font) {
    if (WORKERS == null) {
      return;
    }
    try {
      @SuppressWarnings("unchecked")
      Map<PDType0Font, GsubWorker> workers = (Map<PDType0Font, GsubWorker>) WORKERS.get(stream);
      GsubWorker made = workers.get(font);
      if (made != null && !(made instanceof Remembering)) {
        workers.put(font, new Remembering(made));
      }
    } catch (IllegalAccessException | ClassCastException e) {
      // The stream keeps its own substitution: the same glyphs.
    }
  }

  /** How many words were asked of this memo, and how many of them went to the font's rules. */
  long[] counts() {
    return new long[] {asked, worked};
  }

  /** The font's own substitution, asked only for words this memo does not hold. */
  private final class Remembering implements GsubWorker {
    private final GsubWorker rules;

    Remembering(GsubWorker rules) {
      this.rules = rules;
    }

    @Override
    public List<Integer> applyTransforms(List<Integer> glyphs) {
      asked++;
      List<Integer> key = List.copyOf(glyphs);
      List<Integer> substituted = known.get(key);
      if (substituted == null) {
        worked++;
        substituted = List.copyOf(rules.applyTransforms(glyphs));
        known.put(key, substituted);
      }
      return substituted;
    }
  }

  private static @Nullable Field workersField() {
    try {
      // declared by the page stream's superclass, the content stream every PDFBox stream is
      Field field = PDPageContentStream.class.getSuperclass().getDeclaredField("gsubWorkers");
      field.setAccessible(true);
      return Map.class.isAssignableFrom(field.getType()) ? field : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // not there, or closed to this code: PDFBox substitutes as it does
    }
  }
}
