package community.doorstep.site;

import community.doorstep.internal.Validator;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One partnership (a tenant): everything else belongs to exactly one site and nothing crosses between them.
 *
 * @param id             short URL-safe name, e.g. {@code hulme}
 * @param name           the name residents see
 * @param zone           where the site's events happen; floating times in feeds are read in this zone
 * @param languages      the languages its widgets offer, first is the default
 * @param allowedOrigins web origins allowed to embed its widgets, e.g. {@code https://hulmecommunity.org.uk}
 * @param trustedFeedHosts host names whose feeds may be fetched even though they resolve to loopback or
 *                       private addresses (the guard against server-side request forgery skips only these)
 */
public record Site(String id, String name, ZoneId zone, List<Locale> languages, Set<String> allowedOrigins,
                   Set<String> trustedFeedHosts) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");
    public static final List<Locale> DEFAULT_LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("cy"));

    public Site {
        Validator check = new Validator();
        id = check.slug("id", id);
        name = check.text("name", name, 200);
        zone = zone == null ? DEFAULT_ZONE : zone;
        languages = languages == null || languages.isEmpty() ? DEFAULT_LANGUAGES : List.copyOf(languages);
        allowedOrigins = allowedOrigins == null ? Set.of() : Set.copyOf(allowedOrigins);
        trustedFeedHosts = trustedFeedHosts == null ? Set.of() : Set.copyOf(trustedFeedHosts);
        check.that(String.join(" ", allowedOrigins).length() <= 4000, "allowedOrigins", "too-long",
                "allowedOrigins must be at most 4000 characters in all");
        check.that(String.join(" ", trustedFeedHosts).length() <= 4000, "trustedFeedHosts", "too-long",
                "trustedFeedHosts must be at most 4000 characters in all");
        check.done();
    }

    /** A site in Europe/London, in English and Welsh, embeddable nowhere yet. */
    public static Site of(String id, String name) {
        return new Site(id, name, DEFAULT_ZONE, DEFAULT_LANGUAGES, Set.of(), Set.of());
    }

    public Site withZone(ZoneId newZone) {
        return new Site(id, name, newZone, languages, allowedOrigins, trustedFeedHosts);
    }

    public Site withTrustedFeedHosts(Set<String> hosts) {
        return new Site(id, name, zone, languages, allowedOrigins, hosts);
    }
}
