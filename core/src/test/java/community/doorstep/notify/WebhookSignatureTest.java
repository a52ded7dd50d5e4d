package community.doorstep.notify;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {
    // the example published with the Standard Webhooks specification and its reference libraries
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static Clock at(long epochSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
    }

    @Test
    void signsTheSpecificationsExample() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void verifiesTheSpecificationsExample() {
        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, SIGNATURE, at(TIMESTAMP))).isTrue();
    }

    @Test
    void acceptsAnyOfSeveralSignatures() {
        String rotated = "v1,bm90IHRoZSByaWdodCBzaWduYXR1cmUgYXQgYWxsIQ== " + SIGNATURE;

        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, rotated, at(TIMESTAMP))).isTrue();
    }

    @Test
    void rejectsAChangedBody() {
        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, "{\"test\": 2432232315}", SIGNATURE,
                at(TIMESTAMP))).isFalse();
    }

    @Test
    void rejectsAChangedIdOrTimestamp() {
        assertThat(WebhookSignature.verify(SECRET, "msg_other", TIMESTAMP, BODY, SIGNATURE, at(TIMESTAMP))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP + 1, BODY, SIGNATURE, at(TIMESTAMP))).isFalse();
    }

    @Test
    void rejectsAWrongSecret() {
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), ID, TIMESTAMP, BODY, SIGNATURE,
                at(TIMESTAMP))).isFalse();
    }

    @Test
    void rejectsATimestampOutsideTheTolerance() {
        long tolerance = WebhookSignature.TOLERANCE.toSeconds();

        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, SIGNATURE, at(TIMESTAMP + tolerance))).isTrue();
        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, SIGNATURE, at(TIMESTAMP - tolerance))).isTrue();
        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, SIGNATURE, at(TIMESTAMP + tolerance + 1)))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, SIGNATURE, at(TIMESTAMP - tolerance - 1)))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, SIGNATURE,
                at(TIMESTAMP + Duration.ofHours(1).toSeconds()))).isFalse();
    }

    @Test
    void rejectsAnUnversionedOrMissingSignature() {
        String bare = SIGNATURE.substring("v1,".length());

        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, bare, at(TIMESTAMP))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, "", at(TIMESTAMP))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, null, at(TIMESTAMP))).isFalse();
    }

    @Test
    void aNewSecretSignsAndVerifies() {
        String secret = WebhookSignature.newSecret();

        assertThat(secret).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
        assertThat(WebhookSignature.isSecret(secret)).isTrue();
        String signature = WebhookSignature.sign(secret, ID, TIMESTAMP, BODY);
        assertThat(signature).startsWith("v1,");
        assertThat(WebhookSignature.verify(secret, ID, TIMESTAMP, BODY, signature, at(TIMESTAMP))).isTrue();
        assertThat(Address.webhook("https://hooks.hulme.example/doorstep", secret).secret()).isEqualTo(secret);
    }

    @Test
    void tellsASecretFromOtherText() {
        assertThat(WebhookSignature.isSecret(SECRET)).isTrue();
        assertThat(WebhookSignature.isSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isFalse();
        assertThat(WebhookSignature.isSecret("whsec_not base64!")).isFalse();
        assertThat(WebhookSignature.isSecret("whsec_c2hvcnQ=")).isFalse();
        assertThat(WebhookSignature.isSecret(null)).isFalse();
    }
}
