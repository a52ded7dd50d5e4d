package community.doorstep.help;

import community.doorstep.internal.Validator;

/**
 * A kind of help on a site's board.
 *
 * @param id    a slug, e.g. {@code meals}; the default ones have translated names
 * @param label the name residents see instead of the translated default, or {@code null}: how a site renames a
 *              category or names one of its own
 */
public record Category(String id, String label) {
    public Category {
        Validator check = new Validator();
        id = check.slug("category.id", id);
        label = check.optionalText("category.label", label, 60);
        check.that(label == null || label.indexOf('\n') < 0 && label.indexOf('\t') < 0, "category.label", "one-line",
                "category.label must be one line");
        check.done();
    }
}
