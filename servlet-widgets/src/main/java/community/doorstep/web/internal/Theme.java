package community.doorstep.web.internal;

import jakarta.ws.rs.core.MultivaluedMap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A host's look for the widgets: {@code accent}, {@code text}, {@code background}, {@code font}, {@code radius}
 * and {@code compact}. Every value is checked against a narrow shape and anything else is dropped, so the theme
 * stylesheet holds only custom properties Doorstep wrote and nothing a link could smuggle in.
 *
 * @param colours    {@code accent}, {@code text}, {@code background} to {@code #rgb} or {@code #rrggbb}
 * @param font       a key of {@link #FONTS}, or {@code null}
 * @param radius     corner radius in pixels, 0 to 24, or {@code null}
 * @param compact    tighter spacing
 */
record Theme(Map<String, String> colours, String font, Integer radius, boolean compact) {
    static final List<String> COLOURS = List.of("accent", "text", "background");
    static final List<String> PARAMETERS = List.of("accent", "text", "background", "font", "radius", "compact");
    private static final Pattern COLOUR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    private static final Pattern RADIUS = Pattern.compile("[0-9]{1,2}(?:px)?");
    /** Only families every device has: no web fonts, so no request leaves for a font server. */
    static final Map<String, String> FONTS = Map.of(
            "system", "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif",
            "sans-serif", "sans-serif",
            "serif", "Georgia, \"Times New Roman\", serif",
            "monospace", "ui-monospace, \"Cascadia Mono\", Menlo, Consolas, monospace",
            "humanist", "Seravek, \"Gill Sans Nova\", Ubuntu, Calibri, \"DejaVu Sans\", sans-serif",
            "rounded", "ui-rounded, \"Hiragino Maru Gothic ProN\", Quicksand, Comfortaa, Manjari, \"Arial Rounded MT\", sans-serif");
    static final Theme NONE = new Theme(Map.of(), null, null, false);

    static Theme read(MultivaluedMap<String, String> query) {
        Map<String, String> colours = new LinkedHashMap<>();
        for (String name : COLOURS) {
            String value = single(query, name);
            if (value != null && COLOUR.matcher(value).matches()) {
                colours.put(name, value.toLowerCase(java.util.Locale.ROOT));
            }
        }
        String font = single(query, "font");
        font = font != null && FONTS.containsKey(font) ? font : null;
        String radiusText = single(query, "radius");
        Integer radius = null;
        if (radiusText != null && RADIUS.matcher(radiusText).matches()) {
            int pixels = Integer.parseInt(radiusText.replace("px", ""));
            radius = pixels <= 24 ? pixels : null;
        }
        String compactText = single(query, "compact");
        boolean compact = "1".equals(compactText) || "true".equals(compactText) || "yes".equals(compactText);
        return new Theme(Map.copyOf(colours), font, radius, compact);
    }

    private static String single(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.size() != 1 ? null : values.get(0).strip();
    }

    /** The stylesheet: custom properties only, each from a checked value. */
    String css() {
        StringBuilder css = new StringBuilder(":root {\n");
        colours.forEach((name, value) -> css.append("  --ds-").append(name).append(": ").append(value).append(";\n"));
        if (font != null) {
            css.append("  --ds-font: ").append(FONTS.get(font)).append(";\n");
        }
        if (radius != null) {
            css.append("  --ds-radius: ").append(radius).append("px;\n");
        }
        if (compact) {
            css.append("  --ds-space: 0.5rem;\n");
        }
        return css.append("}\n").toString();
    }

    /** The checked values again as a query string (without {@code ?}), to pass on to links and forms. */
    String query() {
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, String> parameter : parameters().entrySet()) {
            query.add(parameter.getKey() + "=" + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    /** The checked values by parameter name, in a stable order. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : COLOURS) {
            if (colours.containsKey(name)) {
                parameters.put(name, colours.get(name));
            }
        }
        if (font != null) {
            parameters.put("font", font);
        }
        if (radius != null) {
            parameters.put("radius", String.valueOf(radius));
        }
        if (compact) {
            parameters.put("compact", "1");
        }
        return parameters;
    }
}
