package community.doorstep.web.internal;

import community.doorstep.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * A form's mistakes in the resident's words: each {@link FieldError} becomes the bundle's sentence for
 * {@code error.<field>.<rule>}, else {@code error.<rule>}, else a general one; never core's English message.
 */
public final class FormErrors {
    private final Map<String, String> byField = new LinkedHashMap<>();

    /** Adds the first error for each field, under the form's own name for it. */
    public FormErrors(Page page, List<FieldError> errors, Map<String, String> formNames) {
        for (FieldError error : errors) {
            String field = formNames.getOrDefault(error.field(), error.field());
            byField.putIfAbsent(field, sentence(page, field, error.rule()));
        }
    }

    static String sentence(Page page, String field, String rule) {
        for (String key : new String[]{"error." + field + "." + rule, "error." + rule}) {
            try {
                return page.messages.getString(key);
            } catch (MissingResourceException e) {
                // try the next, more general key
            }
        }
        return page.t("error.generic");
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    /** Sentences by field name, for each field's message. */
    Map<String, String> byField() {
        return byField;
    }

    /** The summary at the top of the form: each sentence linking to its field. */
    List<Map<String, String>> summary() {
        List<Map<String, String>> summary = new ArrayList<>();
        byField.forEach((field, message) -> summary.add(Map.of("field", field, "message", message)));
        return summary;
    }

    /** Gives a page's model the sentences by field ({@code errors}) and the summary ({@code errorSummary}). */
    public void addTo(Map<String, Object> model) {
        model.put("errors", byField);
        model.put("errorSummary", summary());
    }
}
