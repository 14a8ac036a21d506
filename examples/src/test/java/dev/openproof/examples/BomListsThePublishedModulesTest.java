package dev.openproof.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM lists exactly the published modules of the parent's {@code <modules>}: a module is
 * published unless its pom says {@code maven.deploy.skip} ({@code examples}, {@code benchmarks}). A
 * module added to the parent without the BOM, or left in the BOM when it stops being published, fails
 * the build here.
 */
class BomListsThePublishedModulesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theBomListsEveryPublishedModuleAndNothingElse() throws Exception {
    Set<String> published = new TreeSet<>();
    for (String module : texts(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "modules", "module")) {
      Document pom = pom(ROOT.resolve(module).resolve("pom.xml"));
      boolean skipped = texts(pom.getDocumentElement(), "properties", "maven.deploy.skip").contains("true");
      boolean jar = texts(pom.getDocumentElement(), null, "packaging").stream().noneMatch("pom"::equals);
      if (jar && !skipped) {
        published.add(texts(pom.getDocumentElement(), null, "artifactId").get(0));
      }
    }
    Element bom = pom(ROOT.resolve("bom/pom.xml")).getDocumentElement();
    Element managed = (Element) bom.getElementsByTagName("dependencyManagement").item(0);
    Set<String> listed = new TreeSet<>();
    NodeList dependencies = managed.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      listed.add(texts((Element) dependencies.item(i), null, "artifactId").get(0));
    }
    assertThat(published).contains("openproof-core").doesNotContain("openproof-examples", "openproof-benchmarks");
    assertThat(listed).isEqualTo(published);
  }

  private static Document pom(Path file) throws Exception {
    assertThat(file).exists();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (var in = Files.newInputStream(file)) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  /** The text of {@code <child>} elements directly under {@code <parent>} (or under the element itself). */
  private static List<String> texts(Element element, String parent, String child) {
    List<String> out = new ArrayList<>();
    List<Element> holders = new ArrayList<>();
    if (parent == null) {
      holders.add(element);
    } else {
      for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && e.getTagName().equals(parent)) {
          holders.add(e);
        }
      }
    }
    for (Element holder : holders) {
      for (Node n = holder.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && e.getTagName().equals(child)) {
          out.add(e.getTextContent().trim());
        }
      }
    }
    return out;
  }
}
