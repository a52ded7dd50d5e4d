package community.doorstep.web.internal;

import java.util.Objects;

/**
 * One link in the widgets' navigation.
 *
 * @param name     what templates call it, as in {@code nav.events}
 * @param page     the widget page it leads to, under {@code w/{site}/}, such as {@code events/month}
 * @param labelKey the message key of its text
 */
public record NavEntry(String name, String page, String labelKey) {
    /** Checks that every part is given. */
    public NavEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(labelKey, "labelKey");
    }
}
