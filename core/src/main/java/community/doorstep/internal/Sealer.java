package community.doorstep.internal;

import community.doorstep.DoorstepException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypts what must not be readable at rest (check-in notes, nicknames, contacts) with AES-256-GCM under a key the
 * host holds: a fresh 96-bit nonce per value, the 128-bit tag checked on opening, so a changed row fails loudly rather
 * than reading as something else. Sealed text is {@code v1:} and the base64 of nonce and ciphertext.
 */
public final class Sealer {
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** A sealer with a 256-bit key (32 bytes); the host keeps the key, never the database. */
    public Sealer(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("the encryption key must be 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A new random key, for a demo or a test; a real host generates one once and keeps it safe. */
    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /**
     * A keyed digest of the text (HMAC-SHA256 under a key derived from this one), for looking a value up without
     * storing it: a phone number's digest cannot be reversed by trying every number without the key.
     */
    public String digest(String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(("doorstep-digest:" + java.util.HexFormat.of().formatHex(key.getEncoded()))
                    .getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new DoorstepException("could not digest a value", e);
        }
    }

    /** The text sealed; {@code null} stays {@code null}. */
    public String seal(String text) {
        if (text == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] all = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, all, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new DoorstepException("could not encrypt a value", e);
        }
    }

    /** The text a {@link #seal} made; a value sealed under another key, or changed, is an error that quotes nothing. */
    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new DoorstepException("a stored value is not sealed as Doorstep seals values");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DoorstepException("a stored value could not be decrypted: wrong key, or the value was changed");
        }
    }
}
