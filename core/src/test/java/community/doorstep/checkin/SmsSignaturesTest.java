package community.doorstep.checkin;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateways' signatures, checked against their published example and a vector computed apart from this code. */
class SmsSignaturesTest {
    private static final Map<String, String> TWILIO_PARAMETERS = Map.of("CallSid", "CA1234567890ABCDE",
            "Caller", "+12349013030", "Digits", "1234", "From", "+12349013030", "To", "+18005551212");
    private static final String TWILIO_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

    @Test
    void twilioSignatureMatchesTheirPublishedExample() {
        assertThat(SmsSignatures.twilio("12345", TWILIO_URL, TWILIO_PARAMETERS, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isTrue();
    }

    @Test
    void aTwilioSignatureFailsForAnotherTokenUrlParameterOrNone() {
        assertThat(SmsSignatures.twilio("12346", TWILIO_URL, TWILIO_PARAMETERS, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isFalse();
        assertThat(SmsSignatures.twilio("12345", TWILIO_URL + "&baz=3", TWILIO_PARAMETERS, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="))
                .isFalse();
        Map<String, String> changed = new java.util.HashMap<>(TWILIO_PARAMETERS);
        changed.put("Digits", "1235");
        assertThat(SmsSignatures.twilio("12345", TWILIO_URL, changed, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isFalse();
        assertThat(SmsSignatures.twilio("12345", TWILIO_URL, TWILIO_PARAMETERS, null)).isFalse();
    }

    @Test
    void androidSmsGatewaySignatureIsTheHexHmacOfBodyAndTimestampWithinFiveMinutes() {
        String body = "{\"event\":\"sms:received\",\"payload\":{\"message\":\"IN\",\"phoneNumber\":\"+447700900123\"}}";
        // computed with Python's hmac module, apart from this code
        String signature = "43a17e00ddfe7a0a8cfa1a47bfbdb8e6f655ef68ced6d20b7307ffa944583e6d";
        Instant signedAt = Instant.ofEpochSecond(1764640800);
        assertThat(SmsSignatures.androidSmsGateway("signing-key-1", body, "1764640800", signature, signedAt)).isTrue();
        assertThat(SmsSignatures.androidSmsGateway("signing-key-1", body, "1764640800", signature.toUpperCase(),
                signedAt.plusSeconds(299))).isTrue();
        assertThat(SmsSignatures.androidSmsGateway("signing-key-1", body, "1764640800", signature,
                signedAt.plusSeconds(301))).as("too old: a replay").isFalse();
        assertThat(SmsSignatures.androidSmsGateway("signing-key-2", body, "1764640800", signature, signedAt)).isFalse();
        assertThat(SmsSignatures.androidSmsGateway("signing-key-1", body + " ", "1764640800", signature, signedAt)).isFalse();
        assertThat(SmsSignatures.androidSmsGateway("signing-key-1", body, "soon", signature, signedAt)).isFalse();
    }
}
