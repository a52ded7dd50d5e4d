package community.doorstep.internal;

import java.security.SecureRandom;
import java.util.Base64;

/** Random ids for stored things: not secrets, but unguessable so ids reveal nothing about volumes or order. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** 96 random bits, URL-safe, 16 characters. */
    public static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
