package community.doorstep.site;

import community.doorstep.internal.Validator;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A label residents filter by, e.g. {@code older-people}.
 *
 * @param id    short URL-safe name
 * @param label the words shown
 */
public record Tag(String id, String label) {
    public Tag {
        Validator check = new Validator();
        id = check.slug("id", id);
        label = check.text("label", label, 100);
        check.done();
    }

    /** A tag from free words, as iCal CATEGORIES carry them: "Older People" becomes {@code older-people}. */
    public static Tag fromLabel(String label) {
        Validator check = new Validator();
        String text = check.text("label", label, 100);
        check.done();
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        String id = ascii.length() > 64 ? ascii.substring(0, 64).replaceAll("-+$", "") : ascii;
        return new Tag(id.isEmpty() ? "tag" : id, label);
    }
}
