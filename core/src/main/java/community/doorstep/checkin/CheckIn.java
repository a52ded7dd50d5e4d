package community.doorstep.checkin;

import community.doorstep.notify.Address;

import java.time.Instant;
import java.util.Objects;

/**
 * One running check-in. Its nickname, note and reminder channel are stored sealed; {@link #toString()} shows none of
 * them.
 *
 * @param siteId          the site
 * @param id              stable id
 * @param nickname        as the person chose it
 * @param note            for the circle, or {@code null}
 * @param circleId        the circle
 * @param deadline        when the alert is raised if the person has not checked in: due time plus grace, moved on by
 *                        extensions
 * @param graceMinutes    the grace, kept so an extension moves the due time and keeps it
 * @param extensions      how many times it was extended
 * @param extendedMinutes by how much in all
 * @param reminder        where the reminder goes, or {@code null}
 * @param duressPinHash   SHA-256 of the duress PIN with the check-in's id, or {@code null}
 * @param state           where it is
 * @param alertedTier     the highest tier alerted so far, 0 before any
 * @param raisedAt        when the alert was raised, or {@code null}
 * @param acknowledgedBy  the index in the circle of the responder who said "I'm on it", or -1
 * @param acknowledgedAt  when they said it, or {@code null}
 * @param createdAt       when it was started
 * @param endedAt         when it became safe, or when the person ended it with the duress PIN (then it stays alerted,
 *                        and their own page shows it ended, as any check-in does); {@code null} before
 * @param repeatsFrom     for a check-in that repeats every week (a reporting appointment every Tuesday at 10:00), the
 *                        first due time, whose day and time of day each later one keeps; {@code null} for one-off
 * @param alertKind       what raised the alert, as its message kind ({@code alert.missed}, {@code alert.sos},
 *                        {@code alert.duress}), so every tier is told the same; {@code null} before any
 */
public record CheckIn(String siteId, String id, String nickname, String note, String circleId, Instant deadline,
                      int graceMinutes, int extensions, int extendedMinutes, Address reminder, String duressPinHash,
                      CheckInState state, int alertedTier, Instant raisedAt, int acknowledgedBy, Instant acknowledgedAt,
                      Instant createdAt, Instant endedAt, Instant repeatsFrom, String alertKind) {
    public CheckIn {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The time the person gave, before the grace. */
    public Instant dueAt() {
        return deadline.minusSeconds(graceMinutes * 60L);
    }

    /** The time this check-in (this week's, for a weekly one) was due before any extension: what names it. */
    public Instant occurrence() {
        return dueAt().minusSeconds(extendedMinutes * 60L);
    }

    /** Whether someone of the circle has said they are on it. */
    public boolean acknowledged() {
        return acknowledgedBy >= 0;
    }

    CheckIn extended(Instant newDeadline, int minutes) {
        return new CheckIn(siteId, id, nickname, note, circleId, newDeadline, graceMinutes, extensions + 1,
                extendedMinutes + minutes, reminder, duressPinHash, state, alertedTier, raisedAt, acknowledgedBy,
                acknowledgedAt, createdAt, endedAt, repeatsFrom, alertKind);
    }

    /** Alerted up to this tier, for what {@code kind} says (the first raise names it; later tiers keep it). */
    CheckIn alerted(int tier, Instant at, String kind) {
        return new CheckIn(siteId, id, nickname, note, circleId, deadline, graceMinutes, extensions, extendedMinutes,
                reminder, duressPinHash, CheckInState.ALERTED, tier, raisedAt == null ? at : raisedAt, acknowledgedBy,
                acknowledgedAt, createdAt, endedAt, repeatsFrom, kind);
    }

    /**
     * Alerted by the duress PIN, at once or over an alert already raised: the person's own page shows it ended, while
     * the circle has the alert.
     */
    CheckIn endedUnderDuress(int tier, Instant at) {
        CheckIn alerted = alerted(tier, at, "alert.duress");
        return new CheckIn(siteId, id, nickname, note, circleId, deadline, graceMinutes, extensions, extendedMinutes,
                reminder, duressPinHash, alerted.state(), tier, alerted.raisedAt(), acknowledgedBy, acknowledgedAt,
                createdAt, at, repeatsFrom, alerted.alertKind());
    }

    /** Whether the person's own page shows it ended: they checked in (with or without the duress PIN). */
    public boolean endedForThePerson() {
        return endedAt != null;
    }

    CheckIn acknowledgedBy(int responder, Instant at) {
        return new CheckIn(siteId, id, nickname, note, circleId, deadline, graceMinutes, extensions, extendedMinutes,
                reminder, duressPinHash, state, alertedTier, raisedAt, responder, at, createdAt, endedAt, repeatsFrom,
                alertKind);
    }

    CheckIn safe(Instant at) {
        return new CheckIn(siteId, id, nickname, note, circleId, deadline, graceMinutes, extensions, extendedMinutes,
                reminder, duressPinHash, CheckInState.SAFE, alertedTier, raisedAt, acknowledgedBy, acknowledgedAt, createdAt, at,
                repeatsFrom, alertKind);
    }

    /** Whether it repeats every week. */
    public boolean repeats() {
        return repeatsFrom != null;
    }

    /** The next week's check-in of a repeating one: waiting again, with nothing alerted, extended or ended. */
    CheckIn nextOccurrence(Instant newDeadline) {
        return new CheckIn(siteId, id, nickname, note, circleId, newDeadline, graceMinutes, 0, 0, reminder, duressPinHash,
                CheckInState.WAITING, 0, null, -1, null, createdAt, null, repeatsFrom, null);
    }

    @Override
    public String toString() {
        return "CheckIn[" + siteId + "/" + id + ", " + state + ", tier " + alertedTier + "]";
    }
}
