package org.leadline.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The POM installed and deployed with the client (the flattened one) stands alone: a partner's
 * build needs nothing but it, leadline-api's and public Jakarta API artifacts.
 */
class PublishedPomTest {

    private static final Path POM = Path.of("target", ".flattened-pom.xml");

    @Test
    void namesNoParentNoServerAndNoUnresolvedProperty() throws Exception {
        assertTrue(Files.exists(POM), POM + " is written by the flatten plugin in process-resources");
        String text = Files.readString(POM);
        assertFalse(text.contains("${"), "an unresolved property in\n" + text);
        assertFalse(text.contains("leadline-server"), text);
        assertFalse(text.contains("leadline-parent"), text);

        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(POM.toFile())
                .getDocumentElement();
        for (String absent : List.of("parent", "repositories", "pluginRepositories", "dependencyManagement")) {
            assertEquals(null, child(project, absent), "<" + absent + "> in\n" + text);
        }
        String version = text(project, "version");
        List<String> dependencies = new ArrayList<>();
        for (Element d : children(child(project, "dependencies"), "dependency")) {
            String group = text(d, "groupId");
            String artifact = text(d, "artifactId");
            String scope = child(d, "scope") == null ? "compile" : text(d, "scope");
            assertFalse(text(d, "version").isBlank(), group + ":" + artifact + " has no version");
            if (scope.equals("test")) {
                continue;
            }
            assertTrue(group.equals("org.leadline") || group.startsWith("jakarta."),
                    group + ":" + artifact + " is neither leadline-api nor a Jakarta API");
            if (group.equals("org.leadline")) {
                assertEquals(version, text(d, "version"), artifact + " is of another version");
                dependencies.add(artifact);
            }
        }
        assertEquals(List.of("leadline-api"), dependencies);
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent().trim();
    }
}
