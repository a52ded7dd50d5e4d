package community.doorstep.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The widgets' stylesheet, written into each page rather than linked: an embedded widget then costs the
 * embed script, its page and its frame script, one request fewer. The content security policy allows exactly
 * this text by its hash, so no other inline style can run, and still no inline script at all.
 */
public final class InlineStyles {
    /** Where the widgets' stylesheet is on the class path. */
    static final String RESOURCE = "/community/doorstep/web/assets/doorstep.css";
    /** The stylesheet's text, as it goes between {@code <style>} and {@code </style>}. */
    static final String TEXT = load();
    /** The CSP source that allows exactly the stylesheet's text. */
    public static final String POLICY_SOURCE = "'sha256-" + sha256(TEXT) + "'";

    private InlineStyles() {
    }

    private static String load() {
        try (InputStream in = InlineStyles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the widgets' stylesheet is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the widgets' stylesheet", e);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
