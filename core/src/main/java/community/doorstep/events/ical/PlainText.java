package community.doorstep.events.ical;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.regex.Pattern;

/**
 * Reduces the HTML that Google, Outlook and WordPress put in DESCRIPTION to plain text: line breaks kept,
 * link targets written out, every tag and script gone. Output is escaped again wherever it is shown.
 */
final class PlainText {
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<\\s*/?\\s*[a-zA-Z][^>]*>|&[a-zA-Z]+;|&#\\d+;");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n(?:[ \\t]*\\n)+");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\\n");

    private PlainText() {
    }

    static String of(String text) {
        if (text == null) {
            return null;
        }
        String plain = LOOKS_LIKE_HTML.matcher(text).find() ? fromHtml(text) : text;
        plain = TRAILING_SPACE.matcher(plain.replace("\r\n", "\n").replace('\u00a0', ' ')).replaceAll("\n");
        return BLANK_LINES.matcher(plain).replaceAll("\n\n").strip();
    }

    private static String fromHtml(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.select("script, style").remove();
        for (Element link : document.select("a[href]")) {
            String href = link.attr("href").strip();
            if (!href.isEmpty() && !link.text().strip().equals(href) && !href.startsWith("mailto:")) {
                link.appendText(" (" + href + ")");
            }
        }
        document.select("p, div, li, h1, h2, h3, h4, h5, h6, tr, ul, ol").before("\n").after("\n");
        document.select("li").prepend("• ");
        return document.body().wholeText();
    }
}
