package community.doorstep.notify;

import community.doorstep.internal.Validator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a notification goes. A contact detail: {@link #toString()} shows only the channel, and no error
 * message repeats the target or the secret.
 *
 * @param channel how the message travels
 * @param target  an email address for {@link Channel#EMAIL}, an http or https URL for {@link Channel#WEBHOOK}
 * @param secret  for a webhook, the signing secret ({@code whsec_} and the base64 of 24 to 64 bytes);
 *                {@code null} for email
 */
public record Address(Channel channel, String target, String secret) {
    /** The longest email address SMTP allows: 64 for the local part, 1 for the @, 255 for the domain. */
    public static final int MAX_EMAIL_LENGTH = 320;
    /** The longest webhook URL accepted. */
    public static final int MAX_URL_LENGTH = Validator.MAX_LINK;

    /** How a message travels. */
    public enum Channel {
        /** An email through the configured SMTP server. */
        EMAIL,
        /** A signed HTTP POST to an endpoint of the receiver's. */
        WEBHOOK
    }

    public Address {
        Validator check = new Validator();
        check.required("address.channel", channel);
        if (channel == Channel.EMAIL) {
            target = check.text("address.target", target, MAX_EMAIL_LENGTH);
            if (target != null && !target.isBlank()) {
                check.that(isEmailAddress(target), "address.target", "email",
                        "address.target must be one email address, with one @ and no spaces");
            }
            check.that(secret == null, "address.secret", "not-allowed",
                    "address.secret is for webhooks only, not for email");
        } else if (channel == Channel.WEBHOOK) {
            target = check.text("address.target", target, MAX_URL_LENGTH);
            if (target != null && !target.isBlank()) {
                check.that(isWebUrl(target), "address.target", "http",
                        "address.target must be an http or https URL with a host");
            }
            secret = check.text("address.secret", secret, 200);
            if (secret != null && !secret.isBlank()) {
                check.that(WebhookSignature.isSecret(secret), "address.secret", "webhook-secret",
                        "address.secret must be whsec_ followed by the base64 of 24 to 64 bytes");
            }
        }
        check.done();
    }

    /**
     * An email address.
     *
     * @param address e.g. {@code coordinator@hulme.example}
     * @return the address
     */
    public static Address email(String address) {
        return new Address(Channel.EMAIL, address, null);
    }

    /**
     * A webhook endpoint with the secret its receiver checks signatures with.
     *
     * @param url    the endpoint, http or https
     * @param secret {@code whsec_} and base64, as {@link WebhookSignature} makes
     * @return the address
     */
    public static Address webhook(String url, String secret) {
        return new Address(Channel.WEBHOOK, url, secret);
    }

    /**
     * Only the channel: the target and the secret must never reach a log.
     *
     * @return e.g. {@code Address[channel=EMAIL]}
     */
    @Override
    public String toString() {
        return "Address[channel=" + channel + "]";
    }

    /** A webhook address with a new signing secret, which its receiver is given once to verify with. */
    public static Address webhookWithNewSecret(String url) {
        return new Address(Channel.WEBHOOK, url, WebhookSignature.newSecret());
    }

    /** Whether the text is one email address: one {@code @} with something either side, and no spaces. */
    public static boolean isEmailAddress(String value) {
        int at = value.indexOf('@');
        if (at <= 0 || at != value.lastIndexOf('@') || at == value.length() - 1) {
            return false;
        }
        // anything that could split one address into several, or a header into two, is refused
        return value.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c) || "<>,;\"".indexOf(c) >= 0);
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
