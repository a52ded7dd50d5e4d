package community.doorstep.web.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A widget a webmaster can embed with {@code <div data-doorstep="name" data-site="…">}: the embed script frames its
 * page, and the builder offers it.
 *
 * @param name        its {@code data-doorstep} value, such as {@code month}
 * @param page        the widget page it frames, under {@code w/{site}/}, such as {@code events/month}
 * @param labelKey    the message key of its choice in the builder
 * @param linkTextKey the message key of the link the snippet holds for visitors without JavaScript
 */
public record EmbedWidget(String name, String page, String labelKey, String linkTextKey) {
    /** Names and pages go into the served scripts, so they keep to letters, digits, hyphens and slashes. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");
    private static final Pattern PAGE = Pattern.compile("[a-z0-9-]+(?:/[a-z0-9-]+)*");

    /** Checks the name and page are plain enough to write into a script. */
    public EmbedWidget {
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(linkTextKey, "linkTextKey");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an embed widget's name must be lower-case letters, digits and hyphens, not " + name);
        }
        if (page == null || !PAGE.matcher(page).matches()) {
            throw new IllegalArgumentException("an embed widget's page must be a plain relative path, not " + page);
        }
    }
}
