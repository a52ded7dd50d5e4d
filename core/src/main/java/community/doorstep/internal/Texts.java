package community.doorstep.internal;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Sentences in the reader's language from a feature's bundle of ICU message patterns (CLDR plurals, named
 * arguments): whole sentences, never glued from pieces. A language a bundle lacks reads the bundle's base (English).
 */
public final class Texts {
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The bundle (a class-path base name such as {@code community.doorstep.events.notifications}) in the language. */
    public static Texts of(String baseName, Locale locale) {
        return new Texts(ResourceBundle.getBundle(baseName, locale, Texts.class.getClassLoader(), NO_DEFAULT_LOCALE), locale);
    }

    /** The first of the site's languages that the bundle has, else English: whom a site-wide message is for. */
    public static Locale firstOf(List<Locale> languages) {
        return languages.isEmpty() ? Locale.ENGLISH : languages.get(0);
    }

    /** The sentence for the key with its named arguments filled in. */
    public String format(String key, Map<String, Object> arguments) {
        try {
            return new MessageFormat(bundle.getString(key), ULocale.forLocale(locale)).format(arguments);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("the message " + key + " is missing from " + bundle.getBaseBundleName(), e);
        }
    }

    /** The language the sentences are in. */
    public Locale locale() {
        return bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
    }
}
