package community.doorstep.web.internal;

import com.ibm.icu.text.DateIntervalFormat;
import com.ibm.icu.util.DateInterval;
import com.ibm.icu.util.ULocale;
import community.doorstep.Doorstep;
import community.doorstep.site.Site;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.FieldPosition;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * One widget request as the templates need it: the site (absent for an unknown one), the language chosen,
 * the theme, and links that keep both as the resident moves from page to page.
 */
public final class Page {
    /** Bumped when a script or stylesheet under assets/ changes, so its long cache lifetime never serves an old one. */
    static final String ASSET_VERSION = "1";

    /** The request as Jersey has it: its path and query parameters, its headers. */
    public final ContainerRequestContext request;
    /** The site's calendar; {@code null} only on the page that says there is no such site. */
    public final SiteCalendar calendar;
    final Locale locale;
    final ResourceBundle messages;
    final Theme theme;
    /** {@code lang} as asked for in the query, when valid: passed on so links keep the choice. */
    private final String requestedLanguage;
    /** The path Doorstep is mounted at, ending in {@code /}. */
    public final String mountPath;
    /**
     * The origin of the page embedding this widget, as the embed script passed it, once checked against the
     * site's allowed origins and this server's own: the only origin the frame script will post its height to.
     */
    private final String parentOrigin;
    /** Every language's words, for naming each language in itself. */
    private final Messages words;
    /** The registered features' navigation. */
    private final List<NavEntry> nav;
    /** The parameters pages read: only these are carried on by the page's own links. */
    private final KnownParameters known;

    private Page(ContainerRequestContext request, SiteCalendar calendar, Locale locale, Theme theme, String requestedLanguage,
                 Messages words, List<NavEntry> nav, KnownParameters known) {
        this.request = request;
        this.calendar = calendar;
        this.locale = locale;
        this.messages = words.forLocale(locale);
        this.theme = theme;
        this.requestedLanguage = requestedLanguage;
        this.mountPath = request.getUriInfo().getBaseUri().getRawPath();
        this.parentOrigin = allowedParent(request.getUriInfo().getQueryParameters().getFirst("parentOrigin"));
        this.words = words;
        this.nav = nav;
        this.known = known;
    }

    private String allowedParent(String origin) {
        if (origin == null || calendar == null || !Widgets.ORIGIN.matcher(origin).matches()) {
            return null;
        }
        return origin.equalsIgnoreCase(ownOrigin()) || site().allowedOrigins().contains(origin) ? origin : null;
    }

    /** The page for the site in the path; a {@link community.doorstep.NotFoundException} for an unknown site. */
    static Page of(Doorstep doorstep, ContainerRequestContext request, Messages words, List<NavEntry> nav,
                   KnownParameters known) {
        return of(doorstep, request, Routes.pathParam(request, "site"), words, nav, known);
    }

    /** The page for the named site; a {@link community.doorstep.NotFoundException} for an unknown site. */
    static Page of(Doorstep doorstep, ContainerRequestContext request, String siteId, Messages words, List<NavEntry> nav,
                   KnownParameters known) {
        SiteCalendar calendar = SiteCalendar.of(doorstep, siteId);
        return create(request, calendar, calendar.site(), words, nav, known);
    }

    /** A page with no site behind it, for saying that the site does not exist. */
    static Page siteless(ContainerRequestContext request, Messages words, KnownParameters known) {
        return create(request, null, Site.of("none", "Doorstep"), words, List.of(), known);
    }

    private static Page create(ContainerRequestContext request, SiteCalendar calendar, Site site, Messages words,
                               List<NavEntry> nav, KnownParameters known) {
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        String lang = query.getFirst("lang");
        Locale locale = Language.choose(site, lang, request.getHeaderString("Accept-Language"));
        String requested = lang != null && lang.strip().equalsIgnoreCase(locale.getLanguage()) ? locale.getLanguage() : null;
        return new Page(request, calendar, locale, Theme.read(query), requested, words, nav, known);
    }

    /** The language the page speaks. */
    public Locale locale() {
        return locale;
    }

    /** The site the page is for. */
    public Site site() {
        return calendar.site();
    }

    /** The page's translation of a message key, with {@code {0}}-style arguments; the key itself when it has none. */
    public String t(String key, Object... values) {
        return Templates.translate(messages, key, values);
    }

    /**
     * Two days as one phrase of the page's language, by its CLDR interval pattern ("Monday 1 – Sunday 14 June"), not
     * by joining two dates with a word: Welsh would need the soft mutation after "i".
     */
    public String dateRange(LocalDate first, LocalDate last, boolean withYear) {
        // English here is British English: "Monday 1 June", not "Monday, June 1"
        Locale cldr = locale.getLanguage().equals("en") && locale.getCountry().isEmpty() ? Locale.UK : locale;
        DateIntervalFormat format = DateIntervalFormat.getInstance(withYear ? "yMMMMEEEEd" : "MMMMEEEEd",
                ULocale.forLocale(cldr));
        format.setTimeZone(com.ibm.icu.util.TimeZone.GMT_ZONE);
        String range = format.format(new DateInterval(noonUtc(first), noonUtc(last)), new StringBuffer(),
                new FieldPosition(0)).toString();
        return range.isEmpty() ? range : range.substring(0, 1).toUpperCase(locale) + range.substring(1);
    }

    private static long noonUtc(LocalDate day) {
        return day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
    }

    /** A date-time format from the bundle, in the page's language. */
    public DateTimeFormatter format(String patternKey) {
        return DateTimeFormatter.ofPattern(t(patternKey), locale);
    }

    /** The query that carries the language and theme on to the next page, without {@code ?}. */
    String keep() {
        StringJoiner query = new StringJoiner("&");
        if (requestedLanguage != null) {
            query.add("lang=" + requestedLanguage);
        }
        String theme = this.theme.query();
        if (!theme.isEmpty()) {
            query.add(theme);
        }
        if (parentOrigin != null) {
            query.add("parentOrigin=" + encode(parentOrigin));
        }
        return query.toString();
    }

    /** The values of {@link #keep()} as hidden fields for GET forms. */
    List<Map<String, String>> keptFields() {
        List<Map<String, String>> fields = new ArrayList<>();
        if (requestedLanguage != null) {
            fields.add(Map.of("name", "lang", "value", requestedLanguage));
        }
        theme.parameters().forEach((name, value) -> fields.add(Map.of("name", name, "value", value)));
        if (parentOrigin != null) {
            fields.add(Map.of("name", "parentOrigin", "value", parentOrigin));
        }
        return fields;
    }

    /** A root-relative link to a widget page of this site, keeping language and theme. */
    public String link(String relative, String... parameters) {
        return withQuery(widgetPath(relative), parameters);
    }

    /** The path of a widget page of this site, without a query. */
    public String widgetPath(String relative) {
        return mountPath + "w/" + segment(calendar.id()) + "/" + relative;
    }

    /** A path with name/value pairs (those with a null value left out) and the kept query. */
    String withQuery(String path, String... parameters) {
        StringJoiner query = new StringJoiner("&");
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            if (parameters[i + 1] != null) {
                query.add(parameters[i] + "=" + encode(parameters[i + 1]));
            }
        }
        String kept = keep();
        if (!kept.isEmpty()) {
            query.add(kept);
        }
        return query.length() == 0 ? path : path + "?" + query;
    }

    /** This server's own origin as the request reached it, e.g. {@code https://example.org}. */
    String ownOrigin() {
        URI base = request.getUriInfo().getBaseUri();
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    /** The absolute address of a path under the mount. */
    public String absolute(String rootRelative) {
        return ownOrigin() + rootRelative;
    }

    /** What every template gets: the layout's words, links and settings. */
    public Map<String, Object> model(String title) {
        Map<String, Object> model = new HashMap<>();
        model.put(Templates.MESSAGES, messages);
        model.put("lang", locale.toLanguageTag());
        model.put("dir", Language.direction(locale));
        model.put("title", title);
        model.put("siteName", calendar == null ? null : site().name());
        model.put("styles", InlineStyles.TEXT);
        String theme = this.theme.query();
        // Without theme settings the default look needs no second stylesheet: one request fewer per widget.
        model.put("themeStylesheet", theme.isEmpty() ? null : mountPath + "assets/theme.css?" + theme);
        model.put("keptFields", keptFields());
        model.put("frameScript", mountPath + "assets/frame.js?v=" + ASSET_VERSION);
        model.put("parentOrigin", parentOrigin);
        if (calendar != null) {
            putNavigation(model, relative -> link(relative));
            model.put("languages", languageLinks());
        }
        return model;
    }

    /**
     * The registered features' navigation, each entry linked by {@code href}: {@code nav} by entry name, for a
     * template's own links (back to the list), and {@code navEntries} in order, for the layout.
     */
    void putNavigation(Map<String, Object> model, Function<String, String> href) {
        Map<String, String> byName = new LinkedHashMap<>();
        List<Map<String, String>> entries = new ArrayList<>();
        for (NavEntry entry : nav) {
            String link = href.apply(entry.page());
            byName.put(entry.name(), link);
            entries.add(Map.of("name", entry.name(), "href", link, "label", t(entry.labelKey())));
        }
        model.put("nav", byName);
        model.put("navEntries", entries);
    }

    /** Where an error page sends the resident: the first page in the navigation, or nowhere without a site. */
    public String home() {
        return calendar == null || nav.isEmpty() ? null : link(nav.get(0).page());
    }

    /**
     * Points the page's language links at another page of the site: a page that shows a private link once points
     * them at that link's own page, so switching language never loses it.
     */
    @SuppressWarnings("unchecked")
    public void languagesLeadTo(Map<String, Object> model, String relative) {
        if (model.get("languages") instanceof List<?> links) {
            for (Object link : links) {
                Map<String, Object> language = (Map<String, Object>) link;
                language.put("href", widgetPath(relative) + "?lang=" + language.get("code")
                        + (parentOrigin == null ? "" : "&parentOrigin=" + encode(parentOrigin)));
            }
        }
    }

    /** The same page in each of the site's other languages. */
    private List<Map<String, Object>> languageLinks() {
        List<Map<String, Object>> links = new ArrayList<>();
        List<Locale> offered = Language.offered(site());
        if (offered.size() < 2) {
            return links;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        for (Locale language : offered) {
            Map<String, Object> link = new LinkedHashMap<>();
            StringJoiner query = new StringJoiner("&");
            query.add("lang=" + language.getLanguage());
            request.getUriInfo().getQueryParameters().forEach((name, values) -> {
                if (known.contains(name) && !name.equals("lang") && !name.equals("parentOrigin")) {
                    values.forEach(value -> query.add(encode(name) + "=" + encode(value)));
                }
            });
            // only a checked parent origin is passed on
            if (parentOrigin != null) {
                query.add("parentOrigin=" + encode(parentOrigin));
            }
            link.put("href", path + "?" + query);
            link.put("code", language.getLanguage());
            // each language names itself, in itself
            link.put("label", words.forLocale(language).getString("language.name"));
            link.put("current", language.equals(locale));
            links.add(link);
        }
        return links;
    }

    /** A query value, form-encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A path segment, percent-encoded. */
    public static String segment(String value) {
        return encode(value).replace("+", "%20");
    }

    /** A select's options from {@code {value, label}} pairs, the one equal to {@code selected} marked. */
    public static List<Map<String, Object>> options(List<String[]> values, String selected) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (String[] value : values) {
            options.add(Map.of("value", value[0], "label", value[1], "selected", value[0].equals(selected)));
        }
        return options;
    }
}
