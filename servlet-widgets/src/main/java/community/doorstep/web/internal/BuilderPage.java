package community.doorstep.web.internal;

import community.doorstep.Doorstep;
import community.doorstep.site.Area;
import community.doorstep.site.Organisation;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import static community.doorstep.web.internal.Widgets.Privacy.PUBLIC;

/**
 * {@code w/{site}/embed}: the embed builder. A webmaster picks a widget, its filters, language and look in a
 * plain GET form and gets the snippet to paste and a preview of the widget. The widgets are the registered
 * features' {@link EmbedWidget}s. Every value is checked here with the theme's own rules, so the snippet never
 * holds anything the widget would drop; {@code builder.js} only updates the same snippet and preview as the
 * options change.
 */
final class BuilderPage {
    static final List<String> LANGUAGES = List.of("en", "cy");

    private final Doorstep doorstep;
    private final Widgets widgets;
    /** Which widget, by the snippet's {@code data-doorstep}, and the page it embeds; the first is the default. */
    private final Map<String, EmbedWidget> embeddable = new LinkedHashMap<>();

    BuilderPage(Doorstep doorstep, Widgets widgets) {
        this.doorstep = doorstep;
        this.widgets = widgets;
        widgets.embedWidgets().forEach(widget -> embeddable.put(widget.name(), widget));
    }

    Response builder(Page page) {
        MultivaluedMap<String, String> query = page.request.getUriInfo().getQueryParameters();
        String siteId = page.calendar.id();
        String widget = choice(query, "widget", List.copyOf(embeddable.keySet()));
        if (widget == null) {
            widget = embeddable.keySet().iterator().next();
        }
        EmbedWidget chosen = embeddable.get(widget);
        List<String> tags = doorstep.events().calendar().queryAll(page.calendar.ahead(SiteCalendar.MAX_DAYS)).stream()
                .flatMap(occurrence -> occurrence.event().tags().stream()).distinct().sorted().toList();
        List<String[]> areas = doorstep.sites().areas(siteId).stream()
                .map((Area area) -> new String[]{area.id(), area.name()}).toList();
        List<String[]> organisations = doorstep.sites().organisations(siteId).stream()
                .map((Organisation organisation) -> new String[]{organisation.id(), organisation.name()}).toList();
        String tag = choice(query, "tag", tags);
        String area = choice(query, "area", areas.stream().map(value -> value[0]).toList());
        String org = choice(query, "org", organisations.stream().map(value -> value[0]).toList());
        String widgetLang = choice(query, "widgetLang", LANGUAGES);
        // the theme's own checks: anything not well formed is dropped, never echoed
        Theme theme = page.theme;
        boolean dropped = false;
        for (String name : Theme.PARAMETERS) {
            String raw = query.getFirst(name);
            if (raw != null && !raw.isBlank() && !name.equals("compact") && !theme.parameters().containsKey(name)) {
                dropped = true;
            }
        }

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("doorstep", widget);
        attributes.put("site", siteId);
        if (tag != null) {
            attributes.put("tags", tag);
        }
        if (area != null) {
            attributes.put("area", area);
        }
        if (org != null) {
            attributes.put("org", org);
        }
        if (widgetLang != null) {
            attributes.put("lang", widgetLang);
        }
        theme.parameters().forEach(attributes::put);

        String linkText = page.t(chosen.linkTextKey());
        String widgetBase = page.absolute(page.mountPath + "w/" + Page.segment(siteId) + "/");
        String scriptSrc = page.absolute(page.mountPath + "embed.js");
        StringJoiner preview = new StringJoiner("&");
        if (tag != null) {
            preview.add("tag=" + Page.encode(tag));
        }
        for (String name : List.of("area", "org", "lang", "accent", "text", "background", "font", "radius", "compact")) {
            String value = attributes.get(name);
            if (value != null) {
                preview.add(name + "=" + Page.encode(value));
            }
        }
        String previewPath = page.mountPath + "w/" + Page.segment(siteId) + "/" + chosen.page()
                + (preview.length() == 0 ? "" : "?" + preview);

        Map<String, Object> model = page.model(page.t("builder.title"));
        // the builder keeps its own plain look: the chosen theme belongs to the preview
        model.put("themeStylesheet", null);
        String lang = query.getFirst("lang");
        model.put("keptFields", lang != null && lang.strip().equalsIgnoreCase(page.locale.getLanguage())
                ? List.of(Map.of("name", "lang", "value", page.locale.getLanguage())) : List.of());
        // links out of the builder carry its language only, and its language links only the checked options
        String keptLang = lang != null && lang.strip().equalsIgnoreCase(page.locale.getLanguage())
                ? "?lang=" + page.locale.getLanguage() : "";
        page.putNavigation(model, relative -> page.widgetPath(relative) + keptLang);
        StringJoiner options = new StringJoiner("&");
        options.add("widget=" + widget);
        for (String name : List.of("tags", "area", "org", "lang")) {
            if (attributes.containsKey(name)) {
                options.add((name.equals("tags") ? "tag" : name.equals("lang") ? "widgetLang" : name) + "="
                        + Page.encode(attributes.get(name)));
            }
        }
        String themeQuery = theme.query();
        if (!themeQuery.isEmpty()) {
            options.add(themeQuery);
        }
        Object languages = model.get("languages");
        if (languages instanceof List<?> links) {
            for (Object link : links) {
                @SuppressWarnings("unchecked")
                Map<String, Object> languageLink = (Map<String, Object>) link;
                languageLink.put("href", page.widgetPath("embed") + "?lang=" + languageLink.get("code") + "&" + options);
            }
        }
        model.put("action", page.widgetPath("embed"));
        model.put("builderScript", page.mountPath + "assets/builder.js?v=" + Page.ASSET_VERSION);
        List<Map<String, Object>> widgetChoices = new ArrayList<>();
        List<Map<String, String>> linkTexts = new ArrayList<>();
        for (EmbedWidget offered : embeddable.values()) {
            widgetChoices.add(Map.of("value", offered.name(), "label", page.t(offered.labelKey()),
                    "selected", offered.name().equals(widget)));
            linkTexts.add(Map.of("name", offered.name(), "text", page.t(offered.linkTextKey())));
        }
        model.put("widgetChoices", widgetChoices);
        model.put("tags", Page.options(TagChoices.of(doorstep, page, tags), tag));
        model.put("areas", Page.options(areas, area));
        model.put("organisations", Page.options(organisations, org));
        List<String> languageValues = new ArrayList<>(List.of(""));
        languageValues.addAll(LANGUAGES);
        model.put("languageChoices", choices(page, "builder.lang.", languageValues, widgetLang == null ? "" : widgetLang));
        List<Map<String, Object>> colours = new ArrayList<>();
        for (String name : Theme.COLOURS) {
            Map<String, Object> colour = new LinkedHashMap<>();
            colour.put("name", name);
            colour.put("label", page.t("builder.colour." + name));
            colour.put("value", theme.colours().getOrDefault(name, ""));
            colour.put("picker", pickerValue(theme.colours().get(name), name));
            colours.add(colour);
        }
        model.put("colours", colours);
        List<String> fonts = new ArrayList<>(List.of(""));
        fonts.addAll(List.of("system", "sans-serif", "serif", "monospace", "humanist", "rounded"));
        model.put("fonts", choices(page, "builder.font.", fonts, theme.font() == null ? "" : theme.font()));
        model.put("radius", theme.radius() == null ? "" : String.valueOf(theme.radius()));
        model.put("compact", theme.compact());
        model.put("dropped", dropped);
        model.put("snippet", snippet(attributes, page.absolute(previewPath), linkText, scriptSrc));
        String checkPage = query.getFirst("checkPage");
        model.put("checkPage", checkPage == null ? "" : checkPage);
        model.put("checkWidget", widget);
        if (checkPage != null && !checkPage.isBlank()) {
            EmbedCheck check = EmbedCheck.of(doorstep, widgets.embedWidgets(), page.ownOrigin(), siteId, widget, checkPage);
            model.put("check", page.t(check.messageKey(), check.arguments().toArray()));
        }
        model.put("previewSrc", previewPath);
        model.put("widgetBase", widgetBase);
        model.put("scriptSrc", scriptSrc);
        model.put("siteId", siteId);
        model.put("linkTexts", linkTexts);
        Response response = widgets.render(page, "builder", model, 200, PUBLIC);
        // the preview is a frame of this server's own widget
        return Response.fromResponse(response).header("Content-Security-Policy", null)
                .header("Content-Security-Policy", Widgets.policy(page) + "; frame-src 'self'").build();
    }

    /** The snippet as text: attribute values escaped here, the whole escaped again by the template. */
    static String snippet(Map<String, String> attributes, String href, String linkText, String scriptSrc) {
        StringBuilder html = new StringBuilder("<div");
        attributes.forEach((name, value) -> html.append(" data-").append(name).append("=\"").append(escape(value)).append('"'));
        html.append("><a href=\"").append(escape(href)).append("\">").append(escape(linkText)).append("</a></div>\n");
        html.append("<script src=\"").append(escape(scriptSrc)).append("\" async></script>");
        return html.toString();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A value from a fixed list, or null. */
    private static String choice(MultivaluedMap<String, String> query, String name, List<String> allowed) {
        String value = query.getFirst(name);
        return value != null && allowed.contains(value.strip()) ? value.strip() : null;
    }

    private static List<Map<String, Object>> choices(Page page, String prefix, List<String> values, String selected) {
        List<Map<String, Object>> choices = new ArrayList<>();
        for (String value : values) {
            choices.add(Map.of("value", value, "label", page.t(prefix + (value.isEmpty() ? "default" : value)),
                    "selected", value.equals(selected)));
        }
        return choices;
    }

    /** Colour pickers take only {@code #rrggbb}; with nothing chosen they start at the widgets' defaults. */
    private static String pickerValue(String colour, String name) {
        if (colour == null) {
            return switch (name) {
                case "accent" -> "#005a9c";
                case "text" -> "#1b1b1b";
                default -> "#ffffff";
            };
        }
        if (colour.length() == 4) {
            return "#" + colour.charAt(1) + colour.charAt(1) + colour.charAt(2) + colour.charAt(2)
                    + colour.charAt(3) + colour.charAt(3);
        }
        return colour;
    }
}
