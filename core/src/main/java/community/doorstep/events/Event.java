package community.doorstep.events;

import community.doorstep.access.ModerationState;
import community.doorstep.internal.Digests;
import community.doorstep.internal.Validator;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An event or a series of them, or one overridden instance of a series.
 *
 * <p>An override (iCal RECURRENCE-ID) is an event of its own with the series' {@code uid} and a non-null
 * {@link #recurrenceId()}: the start of the instance it replaces. Imports upsert by (uid, recurrenceId). An
 * override with {@link #thisAndFuture()} (RANGE=THISANDFUTURE) changes every later instance of the series too.
 *
 * @param siteId         the site it belongs to
 * @param id             Doorstep's stable id
 * @param uid            the iCal UID (from the feed, or generated)
 * @param recurrenceId   for an override, the original start of the instance it replaces; else {@code null}
 * @param thisAndFuture  for an override, whether it also replaces every later instance: each moves as far as
 *                       this one moved from its recurrence id, lasts as long, and takes this event's details
 * @param sequence       iCal SEQUENCE: among several versions of one event, the highest wins
 * @param title          one line
 * @param description    plain text, or {@code null}
 * @param time           when it (or the first instance of the series) happens
 * @param recurrence     how it repeats ({@link Recurrence#NONE} for a one-off or an override)
 * @param location       where, or {@code null}
 * @param onlineLink     a video-call link when it (also) happens online, or {@code null}
 * @param tags           tag ids
 * @param organisationId the group running it, or {@code null}
 * @param areaId         the area it is in, or {@code null}
 * @param accessibility  access notes (step-free, hearing loop…), or {@code null}
 * @param cost           what it costs in words ("Free", "£2"), or {@code null}
 * @param bookingLink    where to book, or {@code null}
 * @param status         confirmed, tentative or cancelled
 * @param source         how it arrived
 * @param feedId         the feed it came from, or {@code null}
 * @param moderation     whether residents may see it
 * @param language       the language its words are in, as a BCP 47 tag, where its source says ({@code LANGUAGE} on
 *                       an iCal SUMMARY); else {@code null}
 */
public record Event(
        String siteId, String id, String uid, ZonedDateTime recurrenceId, boolean thisAndFuture, int sequence,
        String title, String description, EventTime time, Recurrence recurrence,
        Location location, URI onlineLink, Set<String> tags, String organisationId, String areaId,
        String accessibility, String cost, URI bookingLink,
        EventStatus status, EventSource source, String feedId, ModerationState moderation, String language) {
    /** Real UIDs are far shorter; a longer one is replaced by its hash on import so it fits an index. */
    public static final int MAX_UID = 255;
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https");

    public Event {
        Validator check = new Validator();
        siteId = check.slug("siteId", siteId);
        id = check.text("id", id, 100);
        uid = check.text("uid", uid, MAX_UID);
        check.dateTime("recurrenceId", recurrenceId);
        title = check.text("title", title, 500);
        description = check.optionalText("description", description, 20_000);
        check.required("time", time);
        recurrence = recurrence == null ? Recurrence.NONE : recurrence;
        check.that(recurrenceId == null || !recurrence.repeats(), "recurrence", "override",
                "an overridden instance cannot itself repeat");
        check.that(recurrenceId != null || !thisAndFuture, "thisAndFuture", "override",
                "only an overridden instance can change the instances after it");
        check.optionalLink("onlineLink", onlineLink, LINK_SCHEMES);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        check.that(String.join(",", tags).length() <= 4000, "tags", "too-long", "tags must be at most 4000 characters in all");
        organisationId = check.optionalSlug("organisationId", organisationId);
        areaId = check.optionalSlug("areaId", areaId);
        accessibility = check.optionalText("accessibility", accessibility, 2000);
        cost = check.optionalText("cost", cost, 200);
        check.optionalLink("bookingLink", bookingLink, LINK_SCHEMES);
        status = status == null ? EventStatus.CONFIRMED : status;
        check.required("source", source);
        feedId = check.optionalSlug("feedId", feedId);
        moderation = moderation == null ? ModerationState.APPROVED : moderation;
        language = check.optionalLanguage("language", language);
        check.done();
    }

    /** An event that changes no instance but its own (any but a RANGE=THISANDFUTURE override), in no stated language. */
    public Event(String siteId, String id, String uid, ZonedDateTime recurrenceId, int sequence,
                 String title, String description, EventTime time, Recurrence recurrence,
                 Location location, URI onlineLink, Set<String> tags, String organisationId, String areaId,
                 String accessibility, String cost, URI bookingLink,
                 EventStatus status, EventSource source, String feedId, ModerationState moderation) {
        this(siteId, id, uid, recurrenceId, false, sequence, title, description, time, recurrence, location,
                onlineLink, tags, organisationId, areaId, accessibility, cost, bookingLink, status, source, feedId,
                moderation, null);
    }

    /**
     * A digest of everything a coordinator reads of the event (all but its id and moderation), the same on every node
     * and after a restart: a decision names the revision it was made on, so an edit made meanwhile is never published
     * unseen.
     */
    public String revision() {
        List<String> parts = new ArrayList<>(List.of(uid, String.valueOf(recurrenceId), String.valueOf(thisAndFuture),
                String.valueOf(sequence), title, String.valueOf(description), time.start().toString(), time.end().toString(),
                String.valueOf(time.allDay()), String.join("\n", recurrence.rules()), recurrence.additions().toString(),
                recurrence.exclusions().toString(), String.valueOf(location), String.valueOf(onlineLink),
                String.join(",", new TreeSet<>(tags)), String.valueOf(organisationId), String.valueOf(areaId),
                String.valueOf(accessibility), String.valueOf(cost), String.valueOf(bookingLink), status.name(),
                String.valueOf(language)));
        // each part's length first, so no two different events join to the same text
        StringBuilder joined = new StringBuilder();
        parts.forEach(part -> joined.append(part.length()).append(':').append(part));
        return Digests.sha256Hex(joined.toString());
    }

    public boolean isOverride() {
        return recurrenceId != null;
    }

    /** What an import matches on: the UID, and for an override the instant it replaces. */
    public String importKey() {
        return uid + "|" + (recurrenceId == null ? "" : recurrenceId.toInstant());
    }

    /** The same event with another moderation state. */
    public Event withModeration(ModerationState state) {
        return new Event(siteId, id, uid, recurrenceId, thisAndFuture, sequence, title, description, time,
                recurrence, location, onlineLink, tags, organisationId, areaId, accessibility, cost, bookingLink,
                status, source, feedId, state, language);
    }

    /** The same event with its words in a stated language ({@code null}: not stated). */
    public Event withLanguage(String newLanguage) {
        return new Event(siteId, id, uid, recurrenceId, thisAndFuture, sequence, title, description, time,
                recurrence, location, onlineLink, tags, organisationId, areaId, accessibility, cost, bookingLink,
                status, source, feedId, moderation, newLanguage);
    }

    /** The same event under another id: imports keep the id an event already had. */
    public Event withId(String newId) {
        return new Event(siteId, newId, uid, recurrenceId, thisAndFuture, sequence, title, description, time,
                recurrence, location, onlineLink, tags, organisationId, areaId, accessibility, cost, bookingLink,
                status, source, feedId, moderation, language);
    }
}
