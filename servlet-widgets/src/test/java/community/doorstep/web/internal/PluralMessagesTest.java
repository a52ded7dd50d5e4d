package community.doorstep.web.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/** Counted words follow CLDR's plural rules in each language, with no "minute(s)" glued in code. */
class PluralMessagesTest {
    private static String wait(String language, long minutes) {
        ResourceBundle bundle = new Messages(List.of()).forLocale(Locale.forLanguageTag(language));
        return Templates.translate(bundle, "error.tooMany.text", minutes);
    }

    @Test
    void englishCountsOneAndOther() {
        assertThat(wait("en", 1)).endsWith("try again in 1 minute.");
        assertThat(wait("en", 2)).endsWith("try again in 2 minutes.");
    }

    @Test
    void welshUsesItsOwnForms() {
        assertThat(wait("cy", 1)).endsWith("ymhen 1 munud.");
        assertThat(wait("cy", 2)).endsWith("ymhen 2 funud.");
        assertThat(wait("cy", 3)).endsWith("ymhen 3 munud.");
        assertThat(wait("cy", 6)).endsWith("ymhen 6 munud.");
        // an apostrophe, common in Welsh, is kept as written
        assertThat(wait("cy", 5)).contains("o'r fan hon");
    }
}
