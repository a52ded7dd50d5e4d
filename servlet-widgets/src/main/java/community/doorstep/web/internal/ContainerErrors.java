package community.doorstep.web.internal;

import community.doorstep.site.Site;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The answer to a request the container refused before Doorstep saw it (a malformed path, a URI or headers too
 * long: 400, 414, 431), negotiated as every other error: a friendly page in the resident's language for a browser,
 * problem+json for a program. A host's container error handler writes what this returns.
 */
public final class ContainerErrors {
    private static final Templates TEMPLATES = new Templates(ContainerErrors.class.getClassLoader());
    private static final Messages WORDS = new Messages(List.of());
    private static final Site NO_SITE = Site.of("none", "Doorstep");

    private ContainerErrors() {
    }

    /**
     * The answer for a refused request.
     *
     * @param mountPath      where Doorstep is mounted, such as {@code /doorstep}, for its assets
     * @param status         the status the container chose
     * @param accept         the request's {@code Accept} header, or {@code null} when the container could not read it
     * @param acceptLanguage the request's {@code Accept-Language} header, or {@code null}
     * @return status, content type, body and headers to send
     */
    public static Answer answer(String mountPath, int status, String accept, String acceptLanguage) {
        Map<String, String> headers = new HashMap<>(GuardFilter.SECURITY_HEADERS);
        headers.put("Cache-Control", Problem.CACHE_CONTROL);
        // a container that could not read the headers (Jetty, past a malformed request line) says nothing of who
        // asks: the page for a person, since a program reads the status anyway
        if (accept != null && !ErrorsByAccept.wantsHtml(acceptable(accept))) {
            return new Answer(status, Problem.MEDIA_TYPE, Problem.of(status, "the request was refused").toJson(), headers);
        }
        Locale locale = Language.choose(NO_SITE, null, acceptLanguage);
        ResourceBundle messages = WORDS.forLocale(locale);
        String key = switch (status) {
            case 413, 414, 431 -> "error.tooLarge";
            default -> status >= 500 ? "error.server" : "error.badRequest";
        };
        Map<String, Object> model = new HashMap<>();
        model.put(Templates.MESSAGES, messages);
        model.put("lang", locale.toLanguageTag());
        model.put("dir", Language.direction(locale));
        model.put("title", Templates.translate(messages, key + ".title"));
        model.put("message", Templates.translate(messages, key + ".text"));
        model.put("styles", InlineStyles.TEXT);
        model.put("keptFields", List.of());
        model.put("frameScript", mountPath + "/assets/frame.js?v=" + Page.ASSET_VERSION);
        headers.put("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self' "
                + InlineStyles.POLICY_SOURCE + "; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'self'");
        headers.put("Content-Language", locale.toLanguageTag());
        return new Answer(status, Routes.HTML, TEMPLATES.render("error", model, locale), headers);
    }

    /** The media types of an Accept header, most wanted first; an absent or broken header accepts anything. */
    private static List<MediaType> acceptable(String accept) {
        List<MediaType> types = new ArrayList<>();
        if (accept != null) {
            for (String part : accept.split(",")) {
                try {
                    types.add(MediaType.valueOf(part.strip()));
                } catch (IllegalArgumentException unreadable) {
                    // a part no one can read asks for nothing
                }
            }
        }
        types.sort(Comparator.comparingDouble(ContainerErrors::quality).reversed());
        return types.isEmpty() ? List.of(MediaType.WILDCARD_TYPE) : types;
    }

    private static double quality(MediaType type) {
        try {
            return Double.parseDouble(type.getParameters().getOrDefault("q", "1"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * What to send.
     *
     * @param status      the status
     * @param contentType the content type
     * @param body        the body
     * @param headers     the security and caching headers
     */
    public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
        public Answer {
            headers = Map.copyOf(headers);
        }
    }
}
