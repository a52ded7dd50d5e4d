package community.doorstep.checkin;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The signatures of the SMS gateways charities use, checked on every inbound text: there is no switch to skip them.
 * Comparisons are constant-time.
 */
public final class SmsSignatures {
    /** How far an android-sms-gateway timestamp may be from now. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private SmsSignatures() {
    }

    /**
     * Twilio's {@code X-Twilio-Signature}: the base64 of HMAC-SHA1, keyed by the account's auth token, over the full URL
     * Twilio called followed by every posted parameter's name and value, sorted by name.
     */
    public static boolean twilio(String authToken, String url, Map<String, String> parameters, String signature) {
        if (authToken == null || url == null || signature == null) {
            return false;
        }
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> signed.append(name).append(value));
        byte[] expected = Base64.getEncoder().encode(hmac("HmacSHA1", authToken, signed.toString()));
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * android-sms-gateway's {@code X-Signature}: the hex of HMAC-SHA256, keyed by the signing key, over the raw body
     * followed by {@code X-Timestamp} (Unix seconds), which must be within {@link #TOLERANCE} of now.
     */
    public static boolean androidSmsGateway(String signingKey, String body, String timestamp, String signature,
                                            Instant now) {
        if (signingKey == null || body == null || timestamp == null || signature == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(hmac("HmacSHA256", signingKey, body + timestamp.strip()))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(String algorithm, String key, String text) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
