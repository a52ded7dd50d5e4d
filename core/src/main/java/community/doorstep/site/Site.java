package community.doorstep.site;

import community.doorstep.internal.Validator;
import community.doorstep.notify.Address;

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
 * @param trustedFeedHosts host names whose feeds (and webhooks) may be fetched even though they resolve to loopback
 *                       or private addresses (the guard against server-side request forgery skips only these)
 * @param suggestionRetentionDays how many days residents' suggestions are kept once they are over (or refused)
 * @param coordinatorContact where coordinators hear of new suggestions (an email address or a webhook), or
 *                       {@code null}
 * @param writeAllowance how many times the usual number of anonymous writes one internet address may send, 1 to
 *                       {@value #MAX_WRITE_ALLOWANCE}: raised where many residents share one address (a library, a
 *                       caseworkers' office)
 */
public record Site(String id, String name, ZoneId zone, List<Locale> languages, Set<String> allowedOrigins,
                   Set<String> trustedFeedHosts, int suggestionRetentionDays, Address coordinatorContact,
                   int writeAllowance) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");
    public static final int DEFAULT_SUGGESTION_RETENTION_DAYS = 7;
    public static final int MAX_SUGGESTION_RETENTION_DAYS = 3650;
    public static final int MAX_WRITE_ALLOWANCE = 50;
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
        check.that(suggestionRetentionDays >= 0 && suggestionRetentionDays <= MAX_SUGGESTION_RETENTION_DAYS,
                "suggestionRetentionDays", "range", "suggestionRetentionDays must be between 0 and "
                        + MAX_SUGGESTION_RETENTION_DAYS + ", not " + suggestionRetentionDays);
        check.that(writeAllowance >= 1 && writeAllowance <= MAX_WRITE_ALLOWANCE, "writeAllowance", "range",
                "writeAllowance must be between 1 and " + MAX_WRITE_ALLOWANCE + ", not " + writeAllowance);
        check.done();
    }

    /** A site whose addresses may each send the usual number of anonymous writes. */
    public Site(String id, String name, ZoneId zone, List<Locale> languages, Set<String> allowedOrigins,
                Set<String> trustedFeedHosts, int suggestionRetentionDays, Address coordinatorContact) {
        this(id, name, zone, languages, allowedOrigins, trustedFeedHosts, suggestionRetentionDays, coordinatorContact, 1);
    }

    /** A site that keeps suggestions the default number of days and tells no coordinator of new ones. */
    public Site(String id, String name, ZoneId zone, List<Locale> languages, Set<String> allowedOrigins,
                Set<String> trustedFeedHosts) {
        this(id, name, zone, languages, allowedOrigins, trustedFeedHosts, DEFAULT_SUGGESTION_RETENTION_DAYS, null, 1);
    }

    /** A site in Europe/London, in English and Welsh, embeddable nowhere yet. */
    public static Site of(String id, String name) {
        return new Site(id, name, DEFAULT_ZONE, DEFAULT_LANGUAGES, Set.of(), Set.of());
    }

    public Site withZone(ZoneId newZone) {
        return new Site(id, name, newZone, languages, allowedOrigins, trustedFeedHosts, suggestionRetentionDays,
                coordinatorContact, writeAllowance);
    }

    public Site withTrustedFeedHosts(Set<String> hosts) {
        return new Site(id, name, zone, languages, allowedOrigins, hosts, suggestionRetentionDays,
                coordinatorContact, writeAllowance);
    }

    public Site withAllowedOrigins(Set<String> origins) {
        return new Site(id, name, zone, languages, origins, trustedFeedHosts, suggestionRetentionDays,
                coordinatorContact, writeAllowance);
    }

    public Site withSuggestionRetentionDays(int days) {
        return new Site(id, name, zone, languages, allowedOrigins, trustedFeedHosts, days, coordinatorContact,
                writeAllowance);
    }

    /** The same site telling this address of new suggestions ({@code null}: nobody). */
    public Site withCoordinatorContact(Address contact) {
        return new Site(id, name, zone, languages, allowedOrigins, trustedFeedHosts, suggestionRetentionDays,
                contact, writeAllowance);
    }

    /** The same site letting each internet address send this many times the usual anonymous writes. */
    public Site withWriteAllowance(int allowance) {
        return new Site(id, name, zone, languages, allowedOrigins, trustedFeedHosts, suggestionRetentionDays,
                coordinatorContact, allowance);
    }
}
