package community.doorstep.web.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything one feature (events, the help board, check-ins) adds to the web face, declared in one place: its
 * routes, its entries in the widgets' navigation, the widgets a webmaster can embed, the read paths the node may
 * cache, and the bundle its pages' words are in. The mount asks every registered feature for these; no shared code
 * names a feature's routes, pages or words.
 */
public interface WebFeature {
    /** A short name for the feature, such as {@code events}, used when two features clash. */
    String name();

    /**
     * The base name of the feature's message bundle, such as {@code community.doorstep.web.events.messages}: UTF-8
     * {@code .properties} files, one per language the widgets speak, with no key another bundle has.
     */
    String messageBundle();

    /**
     * Adds the feature's API resources, feeds and widget pages. Routes under the same path as another feature's or
     * the shared ones (a site's widget pages, its API) go on the same resource, which {@code routes} hands out.
     */
    void addRoutes(WebRoutes routes);

    /** The feature's pages in the widgets' navigation, in order; the first feature's first is where errors lead. */
    default List<NavEntry> nav() {
        return List.of();
    }

    /** The widgets a webmaster can embed, by their {@code data-doorstep} name, in the order the builder offers them. */
    default List<EmbedWidget> embedWidgets() {
        return List.of();
    }

    /** The query parameters this feature's pages and API read; any other is ignored, and never cached or echoed. */
    default Set<String> queryParameters() {
        return Set.of();
    }

    /**
     * The public read paths the node's own cache may keep: patterns matched against the whole path under the mount,
     * starting with {@code /}, each with a group named {@code site} that captures the site's id. Never a page behind
     * a secret link or a form's answer.
     */
    default List<Pattern> cacheablePaths() {
        return List.of();
    }
}
