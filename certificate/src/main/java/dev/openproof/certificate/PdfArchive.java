package dev.openproof.certificate;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.UUID;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * What makes the document PDF/A-2b and reproducible: the sRGB output intent (the JDK's profile), XMP
 * metadata that mirrors the document information and carries the license number and proof id in a
 * described extension schema, and a document id and dates taken from the proof, never from the clock.
 */
final class PdfArchive {
  static final String PRODUCER = "OpenProof certificate (Apache PDFBox)";
  private static final String NAMESPACE = "https://openproof.dev/ns/certificate/1.0/";
  private static final String SRGB = "sRGB IEC61966-2.1";

  private PdfArchive() {}

  /** What the metadata says. */
  record Info(String title, String licenseNumber, String proofId, Instant issuedAt, String language, UUID documentId) {}

  static void apply(PDDocument document, Info info) throws IOException {
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

  private static String xmp(Info info) {
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
              <pdfaSchema:schema>OpenProof certificate</pdfaSchema:schema>
              <pdfaSchema:namespaceURI>%7$s</pdfaSchema:namespaceURI>
              <pdfaSchema:prefix>openproof</pdfaSchema:prefix>
              <pdfaSchema:property>
               <rdf:Seq>
                <rdf:li rdf:parseType="Resource">
                 <pdfaProperty:name>licenseNumber</pdfaProperty:name>
                 <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                 <pdfaProperty:category>external</pdfaProperty:category>
                 <pdfaProperty:description>The license number the certificate proves</pdfaProperty:description>
                </rdf:li>
                <rdf:li rdf:parseType="Resource">
                 <pdfaProperty:name>proofId</pdfaProperty:name>
                 <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                 <pdfaProperty:category>external</pdfaProperty:category>
                 <pdfaProperty:description>The id (jti) of the signed proof the certificate prints</pdfaProperty:description>
                </rdf:li>
               </rdf:Seq>
              </pdfaSchema:property>
             </rdf:li>
            </rdf:Bag>
           </pdfaExtension:schemas>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:openproof="%7$s">
           <openproof:licenseNumber>%2$s</openproof:licenseNumber>
           <openproof:proofId>%3$s</openproof:proofId>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>""".formatted(xml(info.title()), xml(info.licenseNumber()), xml(info.proofId()), xml(PRODUCER),
        date, info.documentId(), NAMESPACE);
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
