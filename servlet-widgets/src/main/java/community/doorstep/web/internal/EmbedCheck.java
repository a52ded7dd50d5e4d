package community.doorstep.web.internal;

import community.doorstep.Doorstep;
import community.doorstep.site.Site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a web page may show one of a site's widgets and, if not, why, in words a webmaster can act on: the snippet
 * writes it to the browser's console when a widget does not appear, and the embed builder's "check my page" shows it.
 *
 * @param problem   {@code null} when the page may show it; else {@code site} (no such site), {@code widget} (no such
 *                  widget type), {@code address} (not a web page's address) or {@code origin} (not on the site's list)
 * @param arguments for the message: what was given, and what would be right
 */
public record EmbedCheck(String problem, List<Object> arguments) {

    /** Checks the page's address against the site's list, after the site and the widget type. */
    public static EmbedCheck of(Doorstep doorstep, List<EmbedWidget> widgets, String ownOrigin, String siteId, String widget,
                         String pageAddress) {
        Optional<Site> site = siteId == null ? Optional.empty() : doorstep.sites().findSite(siteId);
        if (site.isEmpty()) {
            return new EmbedCheck("site", List.of(String.valueOf(siteId)));
        }
        if (widget != null && widgets.stream().noneMatch(offered -> offered.name().equals(widget))) {
            return new EmbedCheck("widget", List.of(widget,
                    widgets.stream().map(EmbedWidget::name).collect(Collectors.joining(", "))));
        }
        String origin = originOf(pageAddress);
        if (origin == null) {
            return new EmbedCheck("address", List.of(String.valueOf(pageAddress)));
        }
        if (!origin.equalsIgnoreCase(ownOrigin) && !site.get().allowedOrigins().contains(origin)) {
            return new EmbedCheck("origin", List.of(origin, site.get().id()));
        }
        return new EmbedCheck(null, List.of(origin, site.get().id()));
    }

    public boolean ok() {
        return problem == null;
    }

    /** The key of its message: {@code embed.check.ok}, {@code embed.check.origin} and so on. */
    public String messageKey() {
        return "embed.check." + (ok() ? "ok" : problem);
    }

    /** {@code https://example.org} of a page's address, as a browser names the origin; {@code null} if it is none. */
    public static String originOf(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(address.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort();
            boolean usual = port < 0 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (usual ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
