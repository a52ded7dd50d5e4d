package community.doorstep.web;

import community.doorstep.web.internal.EmbedWidget;
import community.doorstep.web.internal.NavEntry;
import community.doorstep.web.internal.WebFeature;
import community.doorstep.web.testing.NeighbourhoodWebTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static community.doorstep.web.testing.WidgetAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the embed script, the builder and the navigation offer comes from the registered features, and every
 * bundle has the same keys in each language.
 */
class WebFeaturesTest extends NeighbourhoodWebTest {
    /** The bundle every feature's pages share, beside the features' own. */
    private static final String SHARED_BUNDLE = "community.doorstep.web.messages";
    private static final List<String> LANGUAGES = List.of("en", "cy");
    private static final Pattern NAV = Pattern.compile("<ul class=\"nav\">(.*?)</ul>", Pattern.DOTALL);
    private static final Pattern NAV_LINK = Pattern.compile("<li><a href=\"([^\"]*)\">([^<]*)</a></li>");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");

    private static List<EmbedWidget> embedWidgets() {
        return WebFeatures.all().stream().flatMap(feature -> feature.embedWidgets().stream()).toList();
    }

    private static List<NavEntry> nav() {
        return WebFeatures.all().stream().flatMap(feature -> feature.nav().stream()).toList();
    }

    @Test
    void everyFeatureIsRegisteredOnceWithWidgetsToEmbedAndToNavigate() {
        List<String> names = WebFeatures.all().stream().map(WebFeature::name).toList();
        assertThat(names).isNotEmpty().doesNotHaveDuplicates();
        assertThat(embedWidgets().stream().map(EmbedWidget::name).toList()).isNotEmpty().doesNotHaveDuplicates();
        assertThat(nav().stream().map(NavEntry::name).toList()).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    void theEmbedAndBuilderScriptsAreServedWithTheRegisteredWidgets() {
        StringJoiner table = new StringJoiner(",", "{", "}");
        for (EmbedWidget widget : embedWidgets()) {
            String name = IDENTIFIER.matcher(widget.name()).matches() ? widget.name() : "\"" + widget.name() + "\"";
            table.add(name + ":\"" + widget.page() + "\"");
        }
        for (String script : List.of("embed.js", "assets/builder.js?v=1")) {
            HttpResponse<String> response = server.get(script);
            assertThat(response.statusCode()).as(script).isEqualTo(200);
            assertThat(response.body()).as(script).contains(table.toString());
        }
    }

    @Test
    void theBuilderOffersEveryRegisteredWidgetInOrderWithItsWords() {
        for (String language : LANGUAGES) {
            Map<String, String> words = words(language);
            // the builder's own policy and script keep it from the plain widget page checks
            HttpResponse<String> response = server.get("w/hulme/embed?lang=" + language);
            assertThat(response.statusCode()).as(language).isEqualTo(200);
            String body = response.body();
            List<String> choices = new ArrayList<>();
            for (EmbedWidget widget : embedWidgets()) {
                choices.add("<input type=\"radio\" id=\"builder-widget-" + widget.name() + "\" name=\"widget\" value=\""
                        + widget.name() + "\"");
                choices.add("<label for=\"builder-widget-" + widget.name() + "\">"
                        + escape(words.get(widget.labelKey())) + "</label>");
                assertThat(body).as(language).contains("data-link-" + widget.name() + "=\""
                        + escape(words.get(widget.linkTextKey())) + "\"");
            }
            assertThat(body).as(language).containsSubsequence(choices);
            assertThat(body.split("<input type=\"radio\" id=\"builder-widget-", -1)).as(language + ": no other widget")
                    .hasSize(embedWidgets().size() + 1);
        }
    }

    @Test
    void theNavigationIsTheRegisteredEntriesInOrder() {
        for (String language : LANGUAGES) {
            Map<String, String> words = words(language);
            Matcher list = NAV.matcher(ok(server.get("w/hulme/events?lang=" + language)));
            assertThat(list.find()).as(language).isTrue();
            List<String> shown = new ArrayList<>();
            Matcher link = NAV_LINK.matcher(list.group(1));
            while (link.find()) {
                shown.add(link.group(1) + " " + link.group(2));
            }
            List<String> registered = nav().stream()
                    .map(entry -> "/doorstep/w/hulme/" + entry.page() + "?lang=" + language + " "
                            + escape(words.get(entry.labelKey())))
                    .toList();
            assertThat(shown).as(language).isEqualTo(registered);
        }
    }

    @Test
    void everyBundleHasTheSameKeysInEveryLanguageAndNoKeyIsInTwo() {
        List<String> bundles = new ArrayList<>(List.of(SHARED_BUNDLE));
        WebFeatures.all().forEach(feature -> bundles.add(feature.messageBundle()));
        Map<String, String> owners = new HashMap<>();
        for (String bundle : bundles) {
            Properties english = load(bundle, "en");
            assertThat(english.stringPropertyNames()).as(bundle).isNotEmpty();
            for (String language : LANGUAGES) {
                assertThat(load(bundle, language).stringPropertyNames()).as(bundle + " in " + language)
                        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            }
            for (String key : english.stringPropertyNames()) {
                String earlier = owners.put(key, bundle);
                assertThat(earlier).as(key + " is in " + earlier + " too").isNull();
            }
        }
    }

    @Test
    void everyFeaturesWordsForItsWidgetsAndNavigationAreInItsOwnBundle() {
        for (WebFeature feature : WebFeatures.all()) {
            List<String> keys = new ArrayList<>();
            feature.nav().forEach(entry -> keys.add(entry.labelKey()));
            feature.embedWidgets().forEach(widget -> {
                keys.add(widget.labelKey());
                keys.add(widget.linkTextKey());
            });
            for (String language : LANGUAGES) {
                assertThat(load(feature.messageBundle(), language).stringPropertyNames())
                        .as(feature.name() + " in " + language).containsAll(keys);
            }
        }
    }

    /** Every bundle's words in one language, as pages see them. */
    private static Map<String, String> words(String language) {
        Map<String, String> words = new HashMap<>();
        List<String> bundles = new ArrayList<>(List.of(SHARED_BUNDLE));
        WebFeatures.all().forEach(feature -> bundles.add(feature.messageBundle()));
        for (String bundle : bundles) {
            Properties properties = load(bundle, language);
            properties.stringPropertyNames().forEach(key -> words.put(key, properties.getProperty(key)));
        }
        return words;
    }

    /** One language's file of a bundle, read as UTF-8 like the pages' bundles. */
    private static Properties load(String bundle, String language) {
        String resource = bundle.replace('.', '/') + "_" + language + ".properties";
        try (InputStream in = WebFeaturesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /** As the templates escape text. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
