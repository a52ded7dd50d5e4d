package community.doorstep.internal;

import community.doorstep.notify.Address;
import community.doorstep.notify.Message;
import community.doorstep.site.Site;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A feature's message to one address, in the site's first language: its subject and text are the bundle's
 * {@code kind.subject} and {@code kind.text} patterns with the arguments (and {@code site}, the site's name), and its
 * type is the feature's name and the kind, e.g. {@code help.claim-held}. Every feature's notices are made here.
 */
public final class SiteMessages {
    private SiteMessages() {
    }

    public static Message of(Site site, Address to, String feature, String bundle, String kind,
                             Map<String, Object> arguments, Map<String, String> data, Instant at) {
        Texts texts = Texts.of(bundle, Texts.firstOf(site.languages()));
        Map<String, Object> all = new HashMap<>(arguments);
        all.putIfAbsent("site", site.name());
        return new Message(Message.newId(), site.id(), to, feature + "." + kind.replace('.', '-'),
                texts.locale().toLanguageTag(), texts.format(kind + ".subject", all), texts.format(kind + ".text", all),
                data, at);
    }
}
