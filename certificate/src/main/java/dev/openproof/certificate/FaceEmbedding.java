package dev.openproof.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.HeaderTable;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * One face embedded as a subset of some of its glyphs, as a certificate's PDF holds it: a Type 0 font
 * whose codes (the CIDs) are the glyph ids of the full font, so that a page's content does not depend
 * on the subset, with the subset's program (made by FontBox's {@link TTFSubsetter}, the tables PDFBox
 * keeps), the CIDs' widths, their map to the subset's glyphs and to Unicode; every stream already
 * compressed. Immutable: made once for the glyphs a language's pages need, or for one document's.
 */
record FaceEmbedding(BitSet glyphs, String baseName, String widths, String descriptor, byte[] fontFile, int fontFileLength,
    byte[] toUnicode, byte[] cidToGid) {

  private static final List<String> TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm", "gasp");

  /** Whether every glyph of {@code used} is in this subset. */
  boolean covers(BitSet used) {
    BitSet missing = (BitSet) used.clone();
    missing.andNot(glyphs);
    return missing.isEmpty();
  }

  /**
   * The subset of {@code font} (read on this thread only) that holds the glyphs {@code wanted}, and
   * glyph 0, its program compressed at {@code level} ({@link java.util.zip.Deflater}'s).
   */
  static FaceEmbedding of(TrueTypeFont font, BitSet wanted, int level) throws IOException {
    TTFSubsetter subsetter = new TTFSubsetter(font, TABLES);
    subsetter.addGlyphIds(wanted.stream().boxed().collect(java.util.stream.Collectors.toSet()));
    Map<Integer, Integer> newToOld = subsetter.getGIDMap();
    TreeMap<Integer, Integer> oldToNew = new TreeMap<>();
    newToOld.forEach((newGid, oldGid) -> oldToNew.put(oldGid, newGid));
    String name = tag(oldToNew.keySet()) + "+" + font.getName();
    subsetter.setPrefix(tag(oldToNew.keySet()) + "+");
    ByteArrayOutputStream program = new ByteArrayOutputStream(64 * 1024);
    subsetter.writeToStream(program);
    byte[] file = program.toByteArray();
    BitSet glyphs = new BitSet();
    oldToNew.keySet().forEach(glyphs::set);
    return new FaceEmbedding(glyphs, name, widths(font, oldToNew), descriptor(font, name), Deflate.of(file, level), file.length,
        Deflate.of(toUnicode(font.getUnicodeCmapLookup(), oldToNew.keySet())), Deflate.of(cidToGid(oldToNew)));
  }

  /** Six capitals that name the subset, the same for the same glyphs. */
  private static String tag(Set<Integer> glyphs) {
    long hash = 1125899906842597L;
    for (int glyph : glyphs) {
      hash = 31 * hash + glyph;
    }
    StringBuilder tag = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      tag.append((char) ('A' + Long.remainderUnsigned(hash, 26)));
      hash = Long.divideUnsigned(hash, 26);
    }
    return tag.toString();
  }

  /** The W array: runs of consecutive CIDs with their widths in thousandths of the em, the default 1000 left out. */
  private static String widths(TrueTypeFont font, TreeMap<Integer, Integer> oldToNew) throws IOException {
    float scale = 1000f / font.getHeader().getUnitsPerEm();
    StringBuilder out = new StringBuilder("[");
    int previous = Integer.MIN_VALUE;
    for (int cid : oldToNew.keySet()) {
      long width = Math.round(font.getHorizontalMetrics().getAdvanceWidth(cid) * scale);
      if (width == 1000) {
        continue;
      }
      if (cid != previous + 1) {
        out.append(previous == Integer.MIN_VALUE ? "" : "] ").append(cid).append(" [");
      } else {
        out.append(' ');
      }
      out.append(width);
      previous = cid;
    }
    return out.append(previous == Integer.MIN_VALUE ? "]" : "]]").toString();
  }

  /** The font descriptor's entries but the font file: the face's flags, box and metrics in thousandths of the em. */
  private static String descriptor(TrueTypeFont font, String name) throws IOException {
    HeaderTable head = font.getHeader();
    OS2WindowsMetricsTable os2 = font.getOS2Windows();
    float scale = 1000f / head.getUnitsPerEm();
    boolean fixed = font.getPostScript().getIsFixedPitch() > 0 || font.getHorizontalHeader().getNumberOfHMetrics() == 1;
    boolean italic = (os2.getFsSelection() & (1 | 512)) != 0;
    int family = os2.getFamilyClass();
    boolean serif = family >= 1 && family <= 5 || family == 7;
    int flags = (fixed ? 1 : 0) | (serif ? 2 : 0) | 4 | (italic ? 64 : 0);
    float capHeight = os2.getVersion() >= 2 ? os2.getCapHeight() * scale : (os2.getTypoAscender() + os2.getTypoDescender()) * scale;
    float xHeight = os2.getVersion() >= 2 ? os2.getHeight() * scale : os2.getTypoAscender() / 2f * scale;
    return String.format(Locale.ROOT, "/Type /FontDescriptor /FontName /%s /Flags %d /FontWeight %d /ItalicAngle %s"
            + " /FontBBox [%s %s %s %s] /Ascent %s /Descent %s /CapHeight %s /XHeight %s /StemV %s", name, flags,
        os2.getWeightClass(), decimal(font.getPostScript().getItalicAngle()), decimal(head.getXMin() * scale),
        decimal(head.getYMin() * scale), decimal(head.getXMax() * scale), decimal(head.getYMax() * scale),
        decimal(font.getHorizontalHeader().getAscender() * scale), decimal(font.getHorizontalHeader().getDescender() * scale),
        decimal(capHeight), decimal(xHeight), decimal((head.getXMax() - head.getXMin()) * scale * 0.13f));
  }

  private static String decimal(float value) {
    return new java.math.BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
  }

  /** The ToUnicode CMap: each CID with a character, the first the font's map gives for its glyph. */
  private static byte[] toUnicode(CmapLookup cmap, Set<Integer> cids) {
    StringBuilder entries = new StringBuilder();
    int count = 0;
    StringBuilder out = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n"
        + "/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    for (int cid : cids) {
      List<Integer> codes = cmap.getCharCodes(cid);
      if (codes == null || codes.isEmpty()) {
        continue;
      }
      entries.append(String.format(Locale.ROOT, "<%04X> <", cid));
      for (char c : Character.toChars(codes.get(0))) {
        entries.append(String.format(Locale.ROOT, "%04X", (int) c));
      }
      entries.append(">\n");
      if (++count == 100) {
        out.append(count).append(" beginbfchar\n").append(entries).append("endbfchar\n");
        entries.setLength(0);
        count = 0;
      }
    }
    if (count > 0) {
      out.append(count).append(" beginbfchar\n").append(entries).append("endbfchar\n");
    }
    out.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** The CIDToGIDMap: per CID from 0 to the last, the subset's glyph, two bytes big-endian (0 for none). */
  private static byte[] cidToGid(TreeMap<Integer, Integer> oldToNew) {
    byte[] map = new byte[2 * (oldToNew.lastKey() + 1)];
    oldToNew.forEach((cid, gid) -> {
      map[2 * cid] = (byte) (gid >> 8);
      map[2 * cid + 1] = (byte) (int) gid;
    });
    return map;
  }
}
