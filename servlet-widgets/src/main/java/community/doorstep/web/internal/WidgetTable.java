package community.doorstep.web.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of embeddable widgets in the embed and builder scripts ({@code {events:"events",month:"events/month",…}}
 * once minified), written from the registered features, so the scripts frame exactly the widgets the server has and
 * a feature's widgets need no edit to the scripts.
 */
final class WidgetTable {
    /** An object literal of names and plain relative paths: in each script, only the table has that shape. */
    private static final Pattern TABLE = Pattern.compile(
            "\\{(?:[A-Za-z_$][\\w$]*|\"[a-z0-9-]*\"):\"[a-z0-9/-]+\"(?:,(?:[A-Za-z_$][\\w$]*|\"[a-z0-9-]*\"):\"[a-z0-9/-]+\")*\\}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");

    private WidgetTable() {
    }

    /** The script with its table replaced by one of the widgets. */
    static byte[] fill(byte[] script, List<EmbedWidget> widgets) {
        String text = new String(script, StandardCharsets.UTF_8);
        Matcher table = TABLE.matcher(text);
        if (!table.find()) {
            throw new IllegalStateException("the embed scripts from doorstep-js-embed have no widget table to fill");
        }
        int start = table.start();
        int end = table.end();
        if (table.find()) {
            throw new IllegalStateException("an embed script from doorstep-js-embed has two tables that look like its widgets'");
        }
        return (text.substring(0, start) + literal(widgets) + text.substring(end)).getBytes(StandardCharsets.UTF_8);
    }

    /** The table as the minifier writes one: bare names where they are identifiers, quoted otherwise. */
    static String literal(List<EmbedWidget> widgets) {
        StringJoiner table = new StringJoiner(",", "{", "}");
        for (EmbedWidget widget : widgets) {
            String name = IDENTIFIER.matcher(widget.name()).matches() ? widget.name() : "\"" + widget.name() + "\"";
            table.add(name + ":\"" + widget.page() + "\"");
        }
        return table.toString();
    }
}
