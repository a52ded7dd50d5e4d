package community.doorstep.web.internal;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The widgets' stylesheet is ready for right-to-left languages (Arabic and Urdu are the next residents need). */
class InlineStylesTest {
    private static final Pattern PHYSICAL = Pattern.compile("(?<![-\\w])(?:(?:margin|padding|border)-)?(?:left|right)\\s*:"
            + "|(?:text-align|float)\\s*:\\s*(?:left|right)\\b");

    @Test
    void theStylesheetUsesLogicalPropertiesOnly() {
        assertThat(PHYSICAL.matcher(InlineStyles.TEXT).results().map(match -> match.group())).isEmpty();
    }
}
