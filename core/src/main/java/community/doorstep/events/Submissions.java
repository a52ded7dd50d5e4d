package community.doorstep.events;

import community.doorstep.ConflictException;
import community.doorstep.NotFoundException;
import community.doorstep.access.AccessService;
import community.doorstep.access.Capability;
import community.doorstep.access.Grant;
import community.doorstep.access.ModerationState;
import community.doorstep.access.Moderated;
import community.doorstep.access.Pending;
import community.doorstep.internal.Ids;
import community.doorstep.internal.Texts;
import community.doorstep.internal.Validator;
import community.doorstep.notify.Message;
import community.doorstep.notify.Outbox;
import community.doorstep.schedule.DueTask;
import community.doorstep.schedule.DueWork;
import community.doorstep.site.Site;
import community.doorstep.site.SiteService;
import community.doorstep.store.Stores;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Residents' event suggestions: taken without an account, hidden until a coordinator approves them, edited or
 * withdrawn through the manage link, and purged a set time after they are over.
 */
public final class Submissions implements Moderated {
    private final SiteService sites;
    private final EventStore events;
    private final Clock clock;
    private final AccessService access;
    private final Stores stores;
    private final Outbox outbox;
    /** Suggestions are looked at this often to delete those over for longer than the site keeps them. */
    static final Duration PURGE_EVERY = Duration.ofHours(1);

    /** Wired by {@link community.doorstep.Doorstep}; host applications get it from {@link community.doorstep.Doorstep#events()}. */
    public Submissions(SiteService sites, EventStore events, Clock clock, AccessService access, Stores stores,
                       Outbox outbox, DueWork dueWork) {
        this.sites = sites;
        this.events = events;
        this.clock = clock;
        this.access = access;
        this.stores = stores;
        this.outbox = outbox;
        dueWork.register(new DueTask.Every("suggestion-purge", PURGE_EVERY, this::purgeOver));
    }

    /**
     * Takes a resident's suggestion: stored hidden until a coordinator approves it, with a manage link
     * for the resident to edit or withdraw it.
     */
    public Submitted submit(String siteId, EventSubmission submission) {
        Site site = requireSite(siteId);
        checkSuggestion(site, submission);
        String id = Ids.newId();
        Event event = submittedEvent(site, id, "submission-" + id + "@doorstep", submission);
        // the suggestion, its manage link and the coordinators' message commit together
        return stores.inTransaction(() -> {
            events.save(event);
            String token = access.issue(siteId, Capability.SUBMISSION, id);
            if (site.coordinatorContact() != null) {
                outbox.enqueue(suggestionReceived(site, event));
            }
            return new Submitted(event, token);
        });
    }

    /** Tells the site's coordinators that a suggestion waits, in the site's first language; no resident's details. */
    private Message suggestionReceived(Site site, Event event) {
        Texts texts = Texts.of("community.doorstep.events.notifications", Texts.firstOf(site.languages()));
        Map<String, Object> arguments = Map.of("site", site.name(), "title", event.title(),
                "date", event.time().start().toLocalDate().toString());
        return new Message(Message.newId(), site.id(), site.coordinatorContact(), "event.suggestion.received",
                texts.locale().toLanguageTag(), texts.format("suggestion.subject", arguments),
                texts.format("suggestion.text", arguments), Map.of("eventId", event.id()), clock.instant());
    }

    /**
     * Deletes every suggestion (waiting, approved or refused) that has been over for longer than its site keeps
     * them, with its manage link; due work runs it every hour.
     *
     * @return how many were deleted
     */
    public int purgeOver() {
        int purged = 0;
        for (Site site : sites.sites()) {
            Instant keptFrom = clock.instant().minus(Duration.ofDays(site.suggestionRetentionDays()));
            for (ModerationState state : ModerationState.values()) {
                for (Event event : events.findByModeration(site.id(), state)) {
                    if (event.source() == EventSource.SUBMISSION && event.time().end().toInstant().isBefore(keptFrom)) {
                        stores.inTransaction(() -> {
                            events.delete(site.id(), event.id());
                            access.revoke(site.id(), Capability.SUBMISSION, event.id());
                            return null;
                        });
                        purged++;
                    }
                }
            }
        }
        return purged;
    }

    /** The suggestion behind a manage link, whatever its moderation state. */
    public Event submission(String siteId, String manageToken) {
        Grant grant = access.require(siteId, Capability.SUBMISSION, manageToken);
        return events.find(siteId, grant.subjectId())
                .orElseThrow(() -> new NotFoundException("this suggestion has been removed"));
    }

    /** Changes a suggestion through its manage link; it waits for a coordinator again. */
    public Event editSubmission(String siteId, String manageToken, EventSubmission submission) {
        Event before = submission(siteId, manageToken);
        Site site = requireSite(siteId);
        checkSuggestion(site, submission);
        Event after = submittedEvent(site, before.id(), before.uid(), submission);
        events.save(after);
        return after;
    }

    /** Withdraws a suggestion: the event and its manage link are gone. */
    public void withdrawSubmission(String siteId, String manageToken) {
        Event event = submission(siteId, manageToken);
        events.delete(siteId, event.id());
        access.revoke(siteId, Capability.SUBMISSION, event.id());
    }

    /** Suggestions waiting for a coordinator, oldest start first. */
    public List<Event> pendingSubmissions(String siteId) {
        requireSite(siteId);
        return events.findByModeration(siteId, ModerationState.PENDING).stream()
                .sorted(java.util.Comparator.comparing((Event e) -> e.time().start().toInstant()).thenComparing(Event::id))
                .toList();
    }

    @Override
    public String kind() {
        return "event";
    }

    /** The suggestions waiting on the site, as the moderation queue lists them. */
    @Override
    public List<Pending> pending(String siteId) {
        return pendingSubmissions(siteId).stream()
                .map(event -> new Pending(siteId, kind(), event.id(), event.title(), event.time().start().toInstant()))
                .toList();
    }

    @Override
    public void decide(String siteId, String subjectId, ModerationState decision) {
        moderate(siteId, subjectId, decision);
    }

    /** A coordinator's decision on a suggestion: approved ones become public, rejected ones stay hidden. */
    public Event moderate(String siteId, String eventId, ModerationState decision) {
        return moderate(siteId, eventId, decision, null);
    }

    /**
     * A coordinator's decision on the suggestion as they read it: {@code revisionRead} is its {@link Event#revision()}
     * then ({@code null}: whatever it holds now). If the resident changed it since, nothing is decided and a
     * {@link ConflictException} says to read it again.
     */
    public Event moderate(String siteId, String eventId, ModerationState decision, String revisionRead) {
        Event event = events.find(siteId, eventId)
                .filter(e -> e.source() == EventSource.SUBMISSION)
                .orElseThrow(() -> new NotFoundException("there is no suggested event " + eventId + " on site " + siteId));
        Event decided = event.withModeration(decision);
        // the decision is stored only over the suggestion as it was read: an edit at the same moment cannot slip under it
        if (revisionRead != null && !revisionRead.equals(event.revision()) || !events.replace(event, decided)) {
            throw new ConflictException("the suggestion changed after it was read: read it again before deciding");
        }
        return decided;
    }

    /** The rules a suggestion meets that need the site and the clock: a day still to come, a known group. */
    private void checkSuggestion(Site site, EventSubmission submission) {
        Validator check = new Validator();
        check.that(!submission.date().isBefore(LocalDate.now(clock.withZone(site.zone()))), "date", "past",
                "date must be today or later");
        check.that(submission.organisationId() == null
                        || sites.findOrganisation(site.id(), submission.organisationId()).isPresent(),
                "organisationId", "unknown", "organisationId names no organisation of this site");
        check.done();
    }

    private static Event submittedEvent(Site site, String id, String uid, EventSubmission submission) {
        EventTime time;
        if (submission.startTime() == null) {
            time = new EventTime(submission.date().atStartOfDay(site.zone()),
                    submission.date().plusDays(1).atStartOfDay(site.zone()), true);
        } else {
            var start = submission.date().atTime(submission.startTime()).atZone(site.zone());
            var end = submission.endTime() == null ? start.plusHours(1)
                    : submission.date().atTime(submission.endTime()).atZone(site.zone());
            time = new EventTime(start, end, false);
        }
        return new Event(site.id(), id, uid, null, 0, submission.title(), submission.description(), time, null,
                submission.place() == null ? null : Location.named(submission.place()), null, null,
                submission.organisationId(), null, submission.accessibility(), submission.cost(),
                submission.bookingLink(), EventStatus.CONFIRMED, EventSource.SUBMISSION, null, ModerationState.PENDING);
    }


    private Site requireSite(String siteId) {
        return sites.requireSite(siteId);
    }
}
