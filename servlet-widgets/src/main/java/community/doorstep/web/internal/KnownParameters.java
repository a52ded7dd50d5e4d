package community.doorstep.web.internal;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The query parameters that pages read: the shared ones (language, embedding origin, theme) and each feature's.
 * Only these reach a cache key or are carried on by a page's own links, so a spray of made-up parameters can
 * neither fill the cache nor be echoed back.
 */
public final class KnownParameters {
    private final Set<String> names;

    KnownParameters(List<WebFeature> features) {
        Set<String> all = new HashSet<>(List.of("lang", "parentOrigin"));
        all.addAll(Theme.PARAMETERS);
        features.forEach(feature -> all.addAll(feature.queryParameters()));
        this.names = Set.copyOf(all);
    }

    /** Whether pages read this parameter. */
    public boolean contains(String name) {
        return names.contains(name);
    }

    /**
     * The part of a cache key that comes from the query: the query as sent when every name in it is known (the hot
     * path: no parsing), else only its known parameters, in one order.
     */
    String key(HttpServletRequest request) {
        String raw = request.getQueryString();
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        return allKnown(raw) ? raw : normalised(request.getParameterMap());
    }

    private boolean allKnown(String raw) {
        int start = 0;
        while (start < raw.length()) {
            int end = raw.indexOf('&', start);
            end = end < 0 ? raw.length() : end;
            int equals = raw.indexOf('=', start);
            int nameEnd = equals < 0 || equals > end ? end : equals;
            if (nameEnd > start && !names.contains(raw.substring(start, nameEnd))) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    /** The known parameters of a query in one order (names, then each name's values, sorted), URL-encoded. */
    String normalised(Map<String, String[]> query) {
        Map<String, String[]> sorted = new TreeMap<>();
        query.forEach((name, values) -> {
            if (names.contains(name)) {
                String[] copy = values.clone();
                Arrays.sort(copy);
                sorted.put(name, copy);
            }
        });
        StringJoiner joined = new StringJoiner("&");
        sorted.forEach((name, values) -> {
            for (String value : values) {
                joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return joined.toString();
    }
}
