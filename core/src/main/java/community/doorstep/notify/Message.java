package community.doorstep.notify;

import community.doorstep.internal.Validator;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One notification, as the outbox keeps it until it is delivered. It holds contact details and notes:
 * {@link #toString()} shows only the id, the site, the channel and the type.
 *
 * @param id        stable across retries: the {@code webhook-id} and the email Message-ID {@code <id@doorstep>},
 *                  so a receiver drops repeats; see {@link #newId()}
 * @param siteId    the site it belongs to
 * @param to        where it goes
 * @param type      what happened, lower-case words joined by dots, e.g. {@code event.suggestion.received}
 * @param language  the language of subject and text as a BCP 47 tag, e.g. {@code cy}; {@code en} when not given
 * @param subject   the email subject, and {@code data.subject} in a webhook
 * @param text      the plain-text body, and {@code data.text} in a webhook
 * @param data      a few named strings for the webhook's {@code data} object, e.g. an event id; never {@code null}
 * @param createdAt when the change that caused it happened
 */
public record Message(String id, String siteId, Address to, String type, String language, String subject,
                      String text, Map<String, String> data, Instant createdAt) {
    public static final String DEFAULT_LANGUAGE = "en";
    public static final int MAX_SUBJECT_LENGTH = 500;
    public static final int MAX_TEXT_LENGTH = 20_000;
    public static final int MAX_DATA_ENTRIES = 50;
    /** All of data's keys and values together fit the outbox's column, written as JSON. */
    public static final int MAX_DATA_LENGTH = 10_000;

    private static final SecureRandom RANDOM = new SecureRandom();
    // ids go into mail and HTTP headers, so only characters that need no quoting there
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*");

    public Message {
        Validator check = new Validator();
        check.required("id", id);
        check.that(id == null || ID.matcher(id).matches(), "id", "id",
                "id must be 1 to 100 letters, digits, underscores or hyphens");
        siteId = check.slug("siteId", siteId);
        check.required("to", to);
        type = check.text("type", type, 100);
        check.that(type == null || type.isBlank() || TYPE.matcher(type).matches(), "type", "type",
                "type must be lower-case words joined by dots, e.g. event.suggestion.received");
        language = check.optionalText("language", language, 35);
        language = language == null ? DEFAULT_LANGUAGE : language;
        check.that(LANGUAGE.matcher(language).matches(), "language", "language",
                "language must be a language tag such as en or cy");
        subject = check.text("subject", subject, MAX_SUBJECT_LENGTH);
        text = check.text("text", text, MAX_TEXT_LENGTH);
        data = data == null ? Map.of() : data;
        checkData(check, data);
        check.required("createdAt", createdAt);
        check.instant("createdAt", createdAt);
        check.done();
        data = Map.copyOf(data);
    }

    /**
     * A new message id: {@code msg_} and 26 URL-safe characters holding 152 random bits.
     *
     * @return e.g. {@code msg_2Yt0c3Jd8mQ1vZ5eXqLrA9bKwP}
     */
    public static String newId() {
        byte[] bytes = new byte[19];
        RANDOM.nextBytes(bytes);
        return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Only what identifies the message: the target, the secret, the text and the data must never reach a log.
     *
     * @return e.g. {@code Message[id=msg_..., siteId=hulme, channel=EMAIL, type=event.suggestion.received]}
     */
    @Override
    public String toString() {
        return "Message[id=" + id + ", siteId=" + siteId + ", channel=" + to.channel() + ", type=" + type + "]";
    }

    private static void checkData(Validator check, Map<String, String> data) {
        check.that(data.size() <= MAX_DATA_ENTRIES, "data", "too-many",
                "data must have at most " + MAX_DATA_ENTRIES + " entries, not " + data.size());
        for (Map.Entry<String, String> entry : data.entrySet()) {
            String key = entry.getKey();
            if (key == null || key.isBlank() || key.length() > 100) {
                check.fail("data", "key", "data keys must be 1 to 100 characters");
                continue;
            }
            String value = entry.getValue();
            check.that(value != null && value.length() <= 2000, "data." + key, "value",
                    "data." + key + " must be given and at most 2000 characters");
        }
        int length = data.entrySet().stream().mapToInt(entry -> String.valueOf(entry.getKey()).length()
                + String.valueOf(entry.getValue()).length() + 6).sum();
        check.that(length <= MAX_DATA_LENGTH, "data", "too-long",
                "data must be at most " + MAX_DATA_LENGTH + " characters in all, not " + length);
        // a webhook's data object carries the subject and text under these names
        boolean reserved = data.keySet().stream().anyMatch(key -> "subject".equals(key) || "text".equals(key));
        check.that(!reserved, "data", "reserved",
                "data must not use the keys subject or text: they carry the message's own");
    }
}
