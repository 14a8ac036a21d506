package dev.openproof.certificate;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * What makes a document PDF/A-2b and reproducible: the sRGB output intent (the JDK's profile), XMP
 * metadata that mirrors the document information and carries the document's own properties (a
 * certificate's license number and proof id, a summary's subject) in a described extension schema,
 * and a document id and dates taken from what is printed, never from the clock.
 */
final class PdfArchive {
  static final String PRODUCER = "OpenProof certificate (Apache PDFBox)";
  private static final String NAMESPACE = "https://openproof.dev/ns/certificate/1.0/";
  static final String SRGB = "sRGB IEC61966-2.1";

  private PdfArchive() {}

  /** What the metadata says: {@code identifier} is the {@code dc:identifier}, {@code properties} the extension's. */
  record Info(String title, String identifier, Instant issuedAt, String language, UUID documentId, String schema,
      List<Property> properties) {
    Info {
      properties = List.copyOf(properties);
    }
  }

  /** One property of the extension schema, as text. */
  record Property(String name, String description, String value) {}

  /** Applies the metadata and saves the document. */
  static byte[] save(PDDocument document, Info info) throws IOException {
    apply(document, info);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    document.save(out);
    return out.toByteArray();
  }

  private static void apply(PDDocument document, Info info) throws IOException {
    document.setVersion(1.7f);
    Calendar issued = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
    issued.setTimeInMillis(info.issuedAt().toEpochMilli());
    PDDocumentInformation information = document.getDocumentInformation();
    information.setTitle(info.title());
    information.setCreator(PRODUCER);
    information.setProducer(PRODUCER);
    information.setCreationDate(issued);
    information.setModificationDate(issued);

    PDMetadata metadata = new PDMetadata(document);
    metadata.importXMPMetadata(xmp(info).getBytes(StandardCharsets.UTF_8));
    document.getDocumentCatalog().setMetadata(metadata);
    document.getDocumentCatalog().setLanguage(info.language());

    PDOutputIntent intent = new PDOutputIntent(document,
        new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
    intent.setInfo(SRGB);
    intent.setOutputCondition(SRGB);
    intent.setOutputConditionIdentifier(SRGB);
    intent.setRegistryName("http://www.color.org");
    document.getDocumentCatalog().addOutputIntent(intent);

    ByteBuffer id = ByteBuffer.allocate(16).putLong(info.documentId().getMostSignificantBits())
        .putLong(info.documentId().getLeastSignificantBits());
    COSArray ids = new COSArray();
    ids.add(new COSString(id.array()));
    ids.add(new COSString(id.array()));
    document.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
  }

  static String xmp(Info info) {
    String date = DateTimeFormatter.ISO_INSTANT.format(info.issuedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    return """
        <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
           <pdfaid:part>2</pdfaid:part>
           <pdfaid:conformance>B</pdfaid:conformance>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
           <dc:format>application/pdf</dc:format>
           <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%1$s</rdf:li></rdf:Alt></dc:title>
           <dc:identifier>%2$s</dc:identifier>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
           <xmp:CreatorTool>%4$s</xmp:CreatorTool>
           <xmp:CreateDate>%5$s</xmp:CreateDate>
           <xmp:ModifyDate>%5$s</xmp:ModifyDate>
           <xmp:MetadataDate>%5$s</xmp:MetadataDate>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
           <pdf:Producer>%4$s</pdf:Producer>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
           <xmpMM:DocumentID>uuid:%6$s</xmpMM:DocumentID>
           <xmpMM:InstanceID>uuid:%6$s</xmpMM:InstanceID>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
              xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
           <pdfaExtension:schemas>
            <rdf:Bag>
             <rdf:li rdf:parseType="Resource">
              <pdfaSchema:schema>%3$s</pdfaSchema:schema>
              <pdfaSchema:namespaceURI>%7$s</pdfaSchema:namespaceURI>
              <pdfaSchema:prefix>openproof</pdfaSchema:prefix>
              <pdfaSchema:property>
               <rdf:Seq>
%8$s               </rdf:Seq>
              </pdfaSchema:property>
             </rdf:li>
            </rdf:Bag>
           </pdfaExtension:schemas>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:openproof="%7$s">
%9$s          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>""".formatted(xml(info.title()), xml(info.identifier()), xml(info.schema()), xml(PRODUCER),
        date, info.documentId(), NAMESPACE, described(info.properties()), values(info.properties()));
  }

  private static String described(List<Property> properties) {
    StringBuilder out = new StringBuilder();
    for (Property property : properties) {
      out.append("""
                <rdf:li rdf:parseType="Resource">
                 <pdfaProperty:name>%s</pdfaProperty:name>
                 <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                 <pdfaProperty:category>external</pdfaProperty:category>
                 <pdfaProperty:description>%s</pdfaProperty:description>
                </rdf:li>
        """.formatted(property.name(), xml(property.description())));
    }
    return out.toString();
  }

  private static String values(List<Property> properties) {
    StringBuilder out = new StringBuilder();
    for (Property property : properties) {
      out.append("           <openproof:").append(property.name()).append('>').append(xml(property.value()))
          .append("</openproof:").append(property.name()).append(">\n");
    }
    return out.toString();
  }

  private static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      switch (cp) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp);
      }
    });
    return out.toString();
  }
}
