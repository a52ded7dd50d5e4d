package community.doorstep.web.checkin;

import com.fasterxml.jackson.annotation.JsonInclude;
import community.doorstep.InvalidInputException;
import community.doorstep.checkin.Circle;
import community.doorstep.checkin.Responder;
import community.doorstep.notify.Address;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Check-ins' JSON: what the API takes and answers. An answer never holds a note, a nickname or a contact. */
final class CheckInJson {
    private CheckInJson() {
    }

    /**
     * One responder as the coordinator gives it: a name; an email address, a webhook URL or a phone number for texts
     * (where the site's SMS gateway sends); and a tier (default 1).
     */
    record ResponderJson(String name, String email, String webhook, String sms, Integer tier) {
        Responder responder(int index) {
            String field = "responders." + index;
            int channels = (email == null ? 0 : 1) + (webhook == null ? 0 : 1) + (sms == null ? 0 : 1);
            if (channels != 1) {
                throw InvalidInputException.of(field, "one-of", field + " needs one of email, webhook or sms");
            }
            Address channel = email != null ? Address.email(email)
                    : webhook != null ? Address.webhookWithNewSecret(webhook) : Address.sms(sms);
            return new Responder(name, channel, tier == null ? 1 : tier);
        }
    }

    /** {@code POST circles}. */
    record NewCircleJson(String name, List<ResponderJson> responders, Integer escalateAfterMinutes) {
        List<Responder> toResponders() {
            List<Responder> all = new ArrayList<>();
            List<ResponderJson> given = responders == null ? List.of() : responders;
            for (int i = 0; i < given.size(); i++) {
                all.add(given.get(i).responder(i));
            }
            return all;
        }
    }

    /** A circle as created: its id, and each webhook responder's secret, shown this once. */
    record CircleJson(String id, String name, List<CreatedResponderJson> responders, int escalateAfterMinutes) {
        static CircleJson of(Circle circle) {
            return new CircleJson(circle.id(), circle.name(), circle.responders().stream()
                    .map(r -> new CreatedResponderJson(r.name(), r.tier(),
                            r.channel().channel() == Address.Channel.WEBHOOK ? r.channel().secret() : null)).toList(),
                    (int) circle.escalateAfter().toMinutes());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreatedResponderJson(String name, int tier, String webhookSecret) {
    }

    /**
     * {@code POST checkins}: {@code dueAt} or {@code inMinutes}; a reminder by email or text; {@code contacts} as a
     * circle's responders; {@code weekly} to repeat at the same time every week.
     */
    record NewCheckInJson(String nickname, String note, String circle, String dueAt, Integer inMinutes,
                          Integer graceMinutes, String reminderEmail, String reminderSms, String duressPin,
                          List<ResponderJson> contacts, Boolean weekly) {
        Address reminder() {
            if (reminderEmail != null && reminderSms != null) {
                throw InvalidInputException.of("reminderSms", "one-of", "give reminderEmail or reminderSms, not both");
            }
            return reminderEmail != null ? Address.email(reminderEmail)
                    : reminderSms != null ? Address.sms(reminderSms) : null;
        }

        /** The person's own contacts, told with the circle's first tier. */
        List<Responder> ownContacts() {
            List<Responder> all = new ArrayList<>();
            List<ResponderJson> given = contacts == null ? List.of() : contacts;
            for (int i = 0; i < given.size(); i++) {
                all.add(given.get(i).responder(i));
            }
            return all;
        }

        Instant due(Instant now) {
            if ((dueAt == null) == (inMinutes == null)) {
                throw InvalidInputException.of("dueAt", "one-of", "give either dueAt (an ISO-8601 instant) or inMinutes");
            }
            if (inMinutes != null) {
                if (inMinutes < 1 || inMinutes > 7 * 24 * 60) {
                    throw InvalidInputException.of("inMinutes", "range", "inMinutes must be between 1 and 10080");
                }
                return now.plusSeconds(inMinutes * 60L);
            }
            try {
                return Instant.parse(dueAt);
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of("dueAt", "format", "dueAt must be an ISO-8601 instant such as 2026-12-01T17:30:00Z");
            }
        }
    }

    /** {@code POST checkins/{token}/ok} (the duress PIN, if any) and {@code …/extend}. */
    record ActionJson(String pin, Integer minutes) {
    }

    /**
     * {@code POST sms-gateway}: {@code kind} is {@code twilio} or {@code android-sms-gateway}; {@code secret} checks
     * the texts it posts; with {@code account} (and {@code password} for android-sms-gateway, {@code from} for
     * Twilio, {@code sendUrl} for any but the gateway's own cloud) the site sends texts through it too.
     */
    record GatewayJson(String kind, String secret, String sendUrl, String account, String password, String from) {
        community.doorstep.checkin.SmsGateway gateway(String siteId) {
            community.doorstep.checkin.SmsGateway.Kind parsed;
            try {
                parsed = kind == null ? null : community.doorstep.checkin.SmsGateway.Kind.valueOf(
                        kind.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("kind", "unknown", "kind must be twilio or android-sms-gateway");
            }
            community.doorstep.checkin.SmsGateway.Sender sender = null;
            if (account != null || sendUrl != null || password != null || from != null) {
                java.net.URI endpoint;
                try {
                    endpoint = sendUrl == null ? null : new java.net.URI(sendUrl);
                } catch (java.net.URISyntaxException e) {
                    throw InvalidInputException.of("sendUrl", "http", "sendUrl must be an http or https URL");
                }
                sender = new community.doorstep.checkin.SmsGateway.Sender(endpoint, account, password, from);
            }
            return new community.doorstep.checkin.SmsGateway(siteId, parsed, secret, sender);
        }
    }

    /** {@code POST checkin-settings}: the site's limits on extending. */
    record SettingsJson(Integer maxExtensions, Integer maxExtensionMinutes) {
    }

    /** {@code POST checkins/{token}/number}: the person's phone, for texts. */
    record NumberJson(String number) {
    }

    /** What a new check-in answers: when the alert goes out, and the person's own link (shown once). */
    record StartedJson(String deadline, String link, String token) {
    }

    /** A check-in as its own link sees it. */
    record StateJson(String state, String dueAt, String deadline, int extensions, boolean ended, boolean weekly) {
    }
}
