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
 * @param target  an email address for {@link Channel#EMAIL}, an http or https URL for {@link Channel#WEBHOOK}, a
 *                phone number for {@link Channel#SMS} (kept in one form, {@code +447700900123})
 * @param secret  for a webhook, the signing secret ({@code whsec_} and the base64 of 24 to 64 bytes);
 *                {@code null} for email and SMS
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
        WEBHOOK,
        /** A text message, through the SMS gateway the site configured for sending. */
        SMS
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
        } else if (channel == Channel.SMS) {
            target = check.text("address.target", target, 40);
            if (target != null && !target.isBlank()) {
                String number = phoneNumber(target);
                check.that(number != null, "address.target", "phone",
                        "address.target must be a phone number, e.g. +44 7700 900123 or 07700 900123");
                target = number == null ? target : number;
            }
            check.that(secret == null, "address.secret", "not-allowed",
                    "address.secret is for webhooks only, not for SMS");
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
     * A phone number for text messages.
     *
     * @param number e.g. {@code 07700 900123} or {@code +44 7700 900123}; kept as {@code +447700900123}
     * @return the address
     */
    public static Address sms(String number) {
        return new Address(Channel.SMS, number, null);
    }

    /**
     * A phone number in one form, or {@code null} when the text is not one: spaces, dots, hyphens and brackets go,
     * {@code 00} becomes {@code +}, and a number starting with one {@code 0} is a UK number and gains {@code +44}.
     *
     * @param number as a person types it, e.g. {@code +44 (0)7700 900123}
     * @return e.g. {@code +447700900123}
     */
    public static String phoneNumber(String number) {
        if (number == null) {
            return null;
        }
        // "+44 (0)7700 900123": the (0) is for dialling within the country
        String digits = number.strip().replace("(0)", "").replaceAll("[\\s().-]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = "+44" + digits.substring(1);
        }
        return digits.matches("\\+[0-9]{7,15}") ? digits : null;
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
