package community.doorstep.checkin;

import community.doorstep.internal.Validator;

/**
 * A site's inbound SMS gateway: which kind signs its posts, and the secret it signs with (stored sealed).
 * {@link #toString()} never shows the secret.
 *
 * @param siteId the site
 * @param kind   Twilio (or a Twilio-compatible gateway), or android-sms-gateway
 * @param secret Twilio's auth token, or android-sms-gateway's signing key
 */
public record SmsGateway(String siteId, Kind kind, String secret) {
    /** Which gateway posts the texts, and so how their signature is checked. */
    public enum Kind { TWILIO, ANDROID_SMS_GATEWAY }

    public SmsGateway {
        Validator check = new Validator();
        check.required("kind", kind);
        secret = check.text("secret", secret, 200);
        check.done();
    }

    @Override
    public String toString() {
        return "SmsGateway[" + siteId + ", " + kind + "]";
    }
}
