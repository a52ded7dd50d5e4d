package community.doorstep.checkin;

import community.doorstep.internal.Validator;
import community.doorstep.notify.Address;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a person asks for when they start a check-in. Nothing here is a real name: a nickname they choose, a note only
 * the circle sees and only when an alert is raised. {@link #toString()} shows none of it.
 *
 * @param nickname     how the circle knows them, 1 to 40 characters
 * @param note         for the circle, e.g. "reporting at Dallas Court, call the duty solicitor"; at most 1000
 * @param circleId     the circle to alert
 * @param dueAt        when they expect to be safe
 * @param graceMinutes how long after {@code dueAt} the alert waits, 0 to 120
 * @param reminder     where a reminder goes shortly before {@code dueAt}, or {@code null}
 * @param duressPin    4 to 8 digits that check in as usual and raise the alert, or {@code null}
 * @param ownContacts  people of the person's own (a friend, a solicitor) told with the circle's first tier, for this
 *                     check-in only; at most {@value #MAX_OWN_CONTACTS}
 * @param weekly       whether it repeats every week on the same day at the same time (in the site's time zone), such
 *                     as a reporting appointment every Tuesday at 10:00, until the person stops it
 */
public record CheckInPlan(String nickname, String note, String circleId, Instant dueAt, int graceMinutes,
                          Address reminder, String duressPin, List<Responder> ownContacts, boolean weekly) {
    public static final int MAX_OWN_CONTACTS = 5;
    private static final Pattern PIN = Pattern.compile("[0-9]{4,8}");

    public CheckInPlan {
        Validator check = new Validator();
        nickname = check.text("nickname", nickname, 40);
        note = check.optionalText("note", note, 1000);
        check.required("circle", circleId);
        check.required("dueAt", dueAt);
        check.instant("dueAt", dueAt);
        check.that(graceMinutes >= 0 && graceMinutes <= 120, "graceMinutes", "range",
                "graceMinutes must be between 0 and 120, not " + graceMinutes);
        check.that(duressPin == null || PIN.matcher(duressPin).matches(), "duressPin", "pin",
                "duressPin must be 4 to 8 digits");
        ownContacts = ownContacts == null ? List.of() : List.copyOf(ownContacts);
        check.that(ownContacts.size() <= MAX_OWN_CONTACTS, "contacts", "too-many",
                "contacts must be at most " + MAX_OWN_CONTACTS);
        check.done();
    }

    /** A one-off plan. */
    public CheckInPlan(String nickname, String note, String circleId, Instant dueAt, int graceMinutes, Address reminder,
                       String duressPin, List<Responder> ownContacts) {
        this(nickname, note, circleId, dueAt, graceMinutes, reminder, duressPin, ownContacts, false);
    }

    /** A one-off plan that tells only the circle. */
    public CheckInPlan(String nickname, String note, String circleId, Instant dueAt, int graceMinutes, Address reminder,
                       String duressPin) {
        this(nickname, note, circleId, dueAt, graceMinutes, reminder, duressPin, List.of(), false);
    }

    @Override
    public String toString() {
        return "CheckInPlan[circle=" + circleId + ", dueAt=" + dueAt + (weekly ? ", weekly" : "") + "]";
    }
}
