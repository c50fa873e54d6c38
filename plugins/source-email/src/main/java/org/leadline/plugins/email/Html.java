package org.leadline.plugins.email;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** The readable text of an HTML mail body, with line breaks where the HTML broke lines. */
final class Html {

    private static final Set<String> BLOCKS = Set.of("p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "ul", "ol", "blockquote", "pre", "address", "section", "article", "header", "footer", "hr", "dd", "dt");

    private Html() {
    }

    static String text(String html) {
        var doc = Jsoup.parse(html);
        doc.select("script, style, head, title").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String text = t.getWholeText().replace('\u00a0', ' ').replaceAll("[\\r\\n\\t ]+", " ");
                    if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
                        text = text.stripLeading();
                    }
                    out.append(text);
                } else if (node instanceof Element e) {
                    if (e.normalName().equals("br")) {
                        out.append('\n');
                    } else if (BLOCKS.contains(e.normalName())) {
                        newline(out);
                    } else if (e.normalName().equals("td") && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                        out.append(" | ");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    newline(out);
                }
            }
        }, doc.body() != null ? doc.body() : doc);
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
