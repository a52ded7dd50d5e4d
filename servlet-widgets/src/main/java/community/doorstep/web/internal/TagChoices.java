package community.doorstep.web.internal;

import community.doorstep.Doorstep;

import java.text.Collator;
import java.util.List;
import java.util.Map;

/** Tags as a resident reads them in a choice: each by its label in the page's language, in that language's order. */
public final class TagChoices {
    private TagChoices() {
    }

    /** Value and label pairs for {@link Page#options}. */
    public static List<String[]> of(Doorstep doorstep, Page page, List<String> tagIds) {
        Map<String, String> labels = doorstep.sites().tagLabels(page.calendar.id(), page.locale());
        Collator order = Collator.getInstance(page.locale());
        return tagIds.stream().map(tag -> new String[]{tag, labels.getOrDefault(tag, tag)})
                .sorted((a, b) -> order.compare(a[1], b[1])).toList();
    }
}
