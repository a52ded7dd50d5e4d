package community.doorstep.web.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A host replaces any single template by putting one of the same name under doorstep-templates/. */
class TemplateOverrideTest {
    @TempDir
    Path hostClasses;

    private String render(ClassLoader host) {
        byte[] page = new Templates(host).render("error", Map.of("status", "<b>404</b>",
                Templates.MESSAGES, new Messages(List.of()).forLocale(Locale.ENGLISH)), Locale.ENGLISH);
        return new String(page, StandardCharsets.UTF_8);
    }

    @Test
    void aHostsTemplateComesFirstAndItsOutputIsStillEscaped() throws IOException {
        Path override = hostClasses.resolve(Templates.HOST_PREFIX).resolve("error.peb");
        Files.createDirectories(override.getParent());
        Files.writeString(override, "<p class=\"host\">Our own page: {{ status }}</p>");
        try (URLClassLoader host = new URLClassLoader(new URL[]{hostClasses.toUri().toURL()}, null)) {
            assertThat(render(host)).isEqualTo("<p class=\"host\">Our own page: &lt;b&gt;404&lt;/b&gt;</p>");
        }
    }

    @Test
    void withoutAnOverrideTheBuiltInTemplateIsUsed() throws IOException {
        try (URLClassLoader host = new URLClassLoader(new URL[]{hostClasses.toUri().toURL()}, null)) {
            assertThat(render(host)).doesNotContain("Our own page").contains("<");
        }
    }
}
