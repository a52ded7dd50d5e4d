package community.doorstep.web.internal;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The widgets' Pebble engine. Auto-escaping is on, so every value a template prints is HTML-escaped unless a
 * template says {@code raw} (only the JSON-LD block does, after the events pages made it safe). Templates are
 * looked up first under {@code doorstep-templates/} on the host's class path, then among the built-in ones,
 * so a host can replace any single template, the layout included.
 */
final class Templates {
    static final String HOST_PREFIX = "doorstep-templates";
    private static final String BUILT_IN_PREFIX = "community/doorstep/web/templates";
    /** The variable every page gets its resource bundle under; {@code t(key, args…)} reads it. */
    static final String MESSAGES = "messages";

    private final PebbleEngine engine;

    Templates(ClassLoader hostLoader) {
        List<Loader<?>> loaders = new ArrayList<>();
        loaders.add(classpath(hostLoader, HOST_PREFIX));
        loaders.add(classpath(Templates.class.getClassLoader(), BUILT_IN_PREFIX));
        engine = new PebbleEngine.Builder()
                .loader(new DelegatingLoader(loaders))
                .autoEscaping(true)
                .strictVariables(false)
                .extension(new MessagesExtension())
                .build();
    }

    private static ClasspathLoader classpath(ClassLoader classLoader, String prefix) {
        ClasspathLoader loader = new ClasspathLoader(classLoader);
        loader.setPrefix(prefix);
        loader.setSuffix(".peb");
        loader.setCharset(StandardCharsets.UTF_8.name());
        return loader;
    }

    /** The words of the page being rendered on this thread: Pebble's macros see only their arguments, not the page's. */
    private static final ThreadLocal<ResourceBundle> RENDERING = new ThreadLocal<>();

    /** Renders a template to UTF-8 bytes. */
    byte[] render(String name, Map<String, Object> model, Locale locale) {
        PebbleTemplate template = engine.getTemplate(name);
        StringWriter out = new StringWriter();
        RENDERING.set((ResourceBundle) model.get(MESSAGES));
        try {
            template.evaluate(out, model, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            RENDERING.remove();
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code t("key", arg…)}: the page's translation of a key, with {@code {0}}-style arguments. */
    private static final class MessagesExtension extends AbstractExtension {
        @Override
        public Map<String, Function> getFunctions() {
            return Map.of("t", new Translate());
        }
    }

    private static final class Translate implements Function {
        @Override
        public List<String> getArgumentNames() {
            // positional arguments arrive as "0", "1", …
            return null;
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            String key = String.valueOf(args.get("0"));
            ResourceBundle bundle = (ResourceBundle) context.getVariable(MESSAGES);
            if (bundle == null) {
                bundle = RENDERING.get();
            }
            List<Object> values = new ArrayList<>();
            for (int i = 1; args.containsKey(String.valueOf(i)); i++) {
                values.add(args.get(String.valueOf(i)));
            }
            return translate(bundle, key, values.toArray());
        }
    }

    static String translate(ResourceBundle bundle, String key, Object... values) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // a missing translation shows its key rather than breaking the page; the bundle test catches it
            return key;
        }
        // ICU's patterns: CLDR plural rules (Welsh has six forms), and an apostrophe (common in Welsh) is itself
        // unless it stands before a brace
        return new MessageFormat(pattern, ULocale.forLocale(bundle.getLocale())).format(values);
    }
}
