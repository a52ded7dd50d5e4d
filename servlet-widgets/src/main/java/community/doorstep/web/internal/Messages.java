package community.doorstep.web.internal;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of every page in one language: the shared bundle (layout, forms, errors, formats, the builder) and every
 * registered feature's, read as one bundle, so a template or a page looks a key up without knowing whose it is.
 * The files are UTF-8 {@code .properties}, read as {@link ResourceBundle} reads them.
 */
final class Messages {
    static final String SHARED_BUNDLE = "community.doorstep.web.messages";

    private final List<WebFeature> features;
    private final Map<Locale, ResourceBundle> byLocale = new ConcurrentHashMap<>();

    Messages(List<WebFeature> features) {
        this.features = List.copyOf(features);
        // read while mounting, so a missing bundle or a key in two bundles stops the mount, not a resident's page
        for (String language : Language.TRANSLATED) {
            forLocale(Locale.forLanguageTag(language));
        }
    }

    /** Every key of the shared and the features' bundles for the locale. */
    ResourceBundle forLocale(Locale locale) {
        return byLocale.computeIfAbsent(locale, this::load);
    }

    private ResourceBundle load(Locale locale) {
        Map<String, Object> entries = new HashMap<>();
        Map<String, String> owners = new HashMap<>();
        add(entries, owners, "the shared bundle", bundle(SHARED_BUNDLE, locale, Messages.class.getClassLoader()));
        for (WebFeature feature : features) {
            add(entries, owners, feature.name(), bundle(feature.messageBundle(), locale, feature.getClass().getClassLoader()));
        }
        return new Merged(locale, entries);
    }

    private static ResourceBundle bundle(String name, Locale locale, ClassLoader loader) {
        // no fallback to the JVM's default locale: a server in Cardiff must not turn English pages Welsh
        return ResourceBundle.getBundle(name, locale, loader,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static void add(Map<String, Object> entries, Map<String, String> owners, String owner, ResourceBundle bundle) {
        for (String key : bundle.keySet()) {
            String earlier = owners.putIfAbsent(key, owner);
            if (earlier != null) {
                throw new IllegalStateException("the message key " + key + " is in both " + earlier + " and " + owner);
            }
            entries.put(key, bundle.getObject(key));
        }
    }

    /** Several bundles' entries as one; a missing key is a {@link java.util.MissingResourceException}, as in any bundle. */
    private static final class Merged extends ResourceBundle {
        private final Locale locale;
        private final Map<String, Object> entries;

        Merged(Locale locale, Map<String, Object> entries) {
            this.locale = locale;
            this.entries = Map.copyOf(entries);
        }

        @Override
        protected Object handleGetObject(String key) {
            return entries.get(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.enumeration(entries.keySet());
        }

        @Override
        public Locale getLocale() {
            return locale;
        }
    }
}
