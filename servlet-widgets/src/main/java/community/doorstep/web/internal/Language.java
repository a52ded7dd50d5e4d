package community.doorstep.web.internal;

import community.doorstep.site.Site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which language a page speaks: {@code ?lang=} when the site offers it, else the best match for the browser's
 * {@code Accept-Language}, else the site's first language. Only languages with a message bundle count.
 */
final class Language {
    /** The languages the widgets have words for. */
    static final Set<String> TRANSLATED = Set.of("en", "cy");
    /** Scripts written right to left, so the layout can mirror when such a language arrives. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "ur", "fa", "he", "ps", "yi", "dv", "ckb", "sd");

    private Language() {
    }

    static Locale choose(Site site, String requested, String acceptLanguage) {
        List<Locale> offered = offered(site);
        if (requested != null) {
            for (Locale locale : offered) {
                if (locale.getLanguage().equalsIgnoreCase(requested.strip())) {
                    return locale;
                }
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank() && acceptLanguage.length() <= 500) {
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), offered);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException malformed) {
                // a header we cannot read is a header we ignore
            }
        }
        return offered.get(0);
    }

    /** The site's languages that have translations, in the site's order; English when none does. */
    static List<Locale> offered(Site site) {
        List<Locale> offered = new ArrayList<>();
        for (Locale locale : site.languages()) {
            Locale plain = Locale.forLanguageTag(locale.getLanguage());
            if (TRANSLATED.contains(plain.getLanguage()) && !offered.contains(plain)) {
                offered.add(plain);
            }
        }
        return offered.isEmpty() ? List.of(Locale.ENGLISH) : offered;
    }

    static String direction(Locale locale) {
        return RIGHT_TO_LEFT.contains(locale.getLanguage()) ? "rtl" : "ltr";
    }
}
