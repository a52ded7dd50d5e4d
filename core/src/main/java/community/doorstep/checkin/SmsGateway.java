package community.doorstep.checkin;

import community.doorstep.internal.Validator;

import java.net.URI;
import java.util.Locale;

/**
 * A site's SMS gateway: which kind posts the texts people send (and so how their signature is checked), the secret
 * it signs with, and, if the site sends texts too, how to send through it. Secrets are stored sealed;
 * {@link #toString()} shows none of them.
 *
 * @param siteId the site
 * @param kind   Twilio (or a Twilio-compatible gateway), or android-sms-gateway
 * @param secret Twilio's auth token, or android-sms-gateway's signing key
 * @param sender how reminders and alerts are sent as texts, or {@code null} when the site only receives them
 */
public record SmsGateway(String siteId, Kind kind, String secret, Sender sender) {
    /** Which gateway posts the texts, and so how their signature is checked. */
    public enum Kind {
        TWILIO("https://api.twilio.com"),
        ANDROID_SMS_GATEWAY("https://api.sms-gate.app/3rdparty/v1/message");

        private final URI defaultEndpoint;

        Kind(String defaultEndpoint) {
            this.defaultEndpoint = URI.create(defaultEndpoint);
        }

        /** Where texts are sent when the site names no endpoint: the gateway's own cloud service. */
        public URI defaultEndpoint() {
            return defaultEndpoint;
        }
    }

    /**
     * How texts are sent through the gateway. {@link #toString()} shows neither the account nor the password.
     *
     * @param endpoint for Twilio its API's base address (a Twilio-compatible service's, or {@code null} for
     *                 {@code https://api.twilio.com}); for android-sms-gateway the message endpoint (the phone's own
     *                 {@code http://…:8080/message}, or {@code null} for the cloud's)
     * @param account  Twilio's Account SID, or android-sms-gateway's username
     * @param password android-sms-gateway's password; {@code null} for Twilio, which signs in with the auth token
     * @param from     the number Twilio sends from; {@code null} for android-sms-gateway, which sends from its SIM
     */
    public record Sender(URI endpoint, String account, String password, String from) {
        public Sender {
            Validator check = new Validator();
            account = check.text("sender.account", account, 200);
            password = check.optionalText("sender.password", password, 200);
            from = check.optionalText("sender.from", from, 40);
            if (endpoint != null) {
                String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
                check.that((scheme.equals("https") || scheme.equals("http")) && endpoint.getHost() != null,
                        "sender.endpoint", "http", "sender.endpoint must be an http or https URL with a host");
            }
            check.done();
        }

        @Override
        public String toString() {
            return "Sender[" + endpoint + "]";
        }
    }

    public SmsGateway {
        Validator check = new Validator();
        check.required("kind", kind);
        secret = check.text("secret", secret, 200);
        if (sender != null && kind == Kind.TWILIO) {
            check.that(sender.from() != null, "sender.from", "required",
                    "sender.from is needed for Twilio: the number texts are sent from");
        } else if (sender != null && kind == Kind.ANDROID_SMS_GATEWAY) {
            check.that(sender.password() != null, "sender.password", "required",
                    "sender.password is needed for android-sms-gateway, with its username as sender.account");
        }
        check.done();
    }

    /** A gateway that only receives texts. */
    public SmsGateway(String siteId, Kind kind, String secret) {
        this(siteId, kind, secret, null);
    }

    /** Whether the site sends texts through it. */
    public boolean sends() {
        return sender != null;
    }

    @Override
    public String toString() {
        return "SmsGateway[" + siteId + ", " + kind + (sender == null ? "" : ", sends") + "]";
    }
}
