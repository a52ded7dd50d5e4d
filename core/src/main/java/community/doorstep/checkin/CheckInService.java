package community.doorstep.checkin;

import community.doorstep.ConflictException;
import community.doorstep.ForbiddenException;
import community.doorstep.InvalidInputException;
import community.doorstep.NotFoundException;
import community.doorstep.access.AccessService;
import community.doorstep.access.Capability;
import community.doorstep.access.Grant;
import community.doorstep.internal.Digests;
import community.doorstep.internal.Ids;
import community.doorstep.internal.Sealer;
import community.doorstep.internal.SiteMessages;
import community.doorstep.internal.Texts;
import community.doorstep.notify.Address;
import community.doorstep.notify.Notifier;
import community.doorstep.notify.Outbox;
import community.doorstep.schedule.DueTask;
import community.doorstep.schedule.DueWork;
import community.doorstep.site.Site;
import community.doorstep.site.SiteService;
import community.doorstep.store.Stores;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * "I'm OK" check-ins for people at risk. A person starts one with a due time, a grace period, a circle and a note;
 * after due + grace the circle's first tier is alerted, and each later tier when nobody acknowledged in time; the
 * person checking in (late), or a responder seeing them safe, sends everyone alerted an all-clear. SOS raises the
 * alert at once; a duress PIN answers exactly like checking in, and raises it.
 *
 * <p>Exactly once: every deadline, escalation and reminder is due work (one node runs it), and raising a tier is a
 * compare-and-set on the check-in written in the same transaction as its messages in the outbox, so a second run of
 * a task, another node, or the person acting at that moment can never alert a tier twice. Delivery is at least once,
 * under a stable message id. A finished check-in is deleted within minutes, leaving only counts. Get it from
 * {@link community.doorstep.Doorstep#checkIns()}.
 */
public final class CheckInService {
    /** The due task that raises the alert at a deadline; its instance is {@code site/checkIn/deadlineMillis}. */
    public static final String DEADLINE = "checkin-deadline";
    /** The due task that alerts the next tier; its instance is {@code site/checkIn/tier/raisedAtMillis}. */
    public static final String ESCALATE = "checkin-escalate";
    /** The due task that reminds the person; its instance is {@code site/checkIn/deadlineMillis}. */
    public static final String REMIND = "checkin-reminder";
    /**
     * The due task that, when a weekly check-in's alert is still open at next week's time, moves it to that week and
     * alerts for it; its instance is {@code site/checkIn/raisedAtMillis/nextDeadlineMillis}.
     */
    public static final String NEXT_WEEK = "checkin-next-week";
    /**
     * The due task that deletes a check-in; its instance is {@code site/checkIn/finished}, or
     * {@code site/checkIn/unresolved-raisedAtMillis} for an alert nobody closed; {@code site/checkIn/person-link}
     * withdraws only the person's own link, as an ordinary check-in's goes, after the duress PIN.
     */
    public static final String PURGE = "checkin-purge";
    /** How long before the due time the person is reminded. */
    public static final Duration REMIND_BEFORE = Duration.ofMinutes(10);
    /** How long a finished check-in is kept before its row (note, nickname, contacts) is deleted. */
    public static final Duration KEEP_FINISHED = Duration.ofMinutes(5);
    /** An alert nobody closed is deleted this long after it was raised, so no note outlives it for ever. */
    public static final Duration KEEP_UNRESOLVED = Duration.ofDays(7);
    /** How long after an alert is raised its responder links work: long enough to find someone, not for ever. */
    public static final Duration RESPONDER_LINK_LIFETIME = Duration.ofHours(48);
    private static final String TEXTS = "community.doorstep.checkin.notifications";
    /** The id prefix of a circle made for one check-in: the chosen circle and the person's own contacts in tier 1. */
    private static final String OWN_CIRCLE = "own-";
    /**
     * "I'm OK" on a weekly check-in counts for this week's only this close to its time: pressed again after it moved
     * to next week, it changes nothing, so a double press never skips a week.
     */
    static final Duration OPENS_BEFORE = Duration.ofDays(3);

    private final SiteService sites;
    private final CheckInStore store;
    private final Clock clock;
    private final AccessService access;
    private final Stores stores;
    private final Outbox outbox;
    private final DueWork dueWork;
    private final URI publicAddress;
    private final Sealer sealer;

    /** Wired by {@link community.doorstep.Doorstep}; host applications get it from there. */
    public CheckInService(SiteService sites, CheckInStore store, Clock clock, AccessService access, Stores stores,
                          Outbox outbox, DueWork dueWork, URI publicAddress, Sealer sealer) {
        this.sealer = sealer;
        this.sites = sites;
        this.store = store;
        this.clock = clock;
        this.access = access;
        this.stores = stores;
        this.outbox = outbox;
        this.dueWork = dueWork;
        this.publicAddress = publicAddress;
        dueWork.register(new DueTask.Once(DEADLINE, this::deadlineReached));
        dueWork.register(new DueTask.Once(ESCALATE, this::escalate));
        dueWork.register(new DueTask.Once(REMIND, this::remind));
        dueWork.register(new DueTask.Once(NEXT_WEEK, this::nextWeek));
        dueWork.register(new DueTask.Once(PURGE, this::purge));
    }

    /**
     * The notifier that texts {@link Address.Channel#SMS} messages through the SMS gateway of each message's site;
     * wired by {@link community.doorstep.Doorstep}, which closes it.
     *
     * @param trustedHosts gateway host names that may have private addresses
     */
    public static Notifier smsNotifier(CheckInStore store, Set<String> trustedHosts) {
        return new GatewayNotifier(store, Duration.ofSeconds(15), trustedHosts);
    }

    // ---- circles

    /**
     * Saves a new circle. A webhook responder's address carries its signing secret
     * ({@link Address#webhookWithNewSecret}), which the coordinator gives their receiver once.
     */
    public Circle createCircle(String siteId, String name, List<Responder> responders, Duration escalateAfter) {
        sites.requireSite(siteId);
        Circle circle = new Circle(siteId, Ids.newId(), name, responders, escalateAfter);
        requireTexting(siteId, circle.responders().stream().map(Responder::channel).toList(),
                index -> "responders." + index + ".sms");
        store.saveCircle(circle);
        return circle;
    }

    /**
     * Sends every responder of the circle a message marked as a test, with no check-in behind it: so a coordinator
     * knows each of them is reachable before it matters.
     */
    public void testAlert(String siteId, String circleId) {
        Site site = sites.requireSite(siteId);
        Circle circle = store.circle(siteId, circleId)
                .orElseThrow(() -> new NotFoundException("there is no circle " + circleId + " on site " + siteId));
        stores.inTransaction(() -> {
            for (Responder responder : circle.responders()) {
                // a test is the coordinator's way to try a responder whose address once said it was gone
                outbox.forgetGone(siteId, responder.channel().target());
                send(site, responder.channel(), "test", Map.of("circle", circle.name(), "responder", responder.name(),
                        "tier", responder.tier()), Map.of("circleId", circleId), null);
            }
            return null;
        });
    }

    /** The site's circles, not counting those made for one check-in with the person's own contacts. */
    public List<Circle> circles(String siteId) {
        sites.requireSite(siteId);
        return store.circles(siteId).stream().filter(circle -> !circle.id().startsWith(OWN_CIRCLE)).toList();
    }

    // ---- the person's side

    /** Starts a check-in; its deadline and reminder are due work from now on. */
    public Started start(String siteId, CheckInPlan plan) {
        if (publicAddress == null) {
            // an alert's link must open on a responder's phone: a path alone would leave them unable to answer it
            throw new IllegalStateException("check-ins need Doorstep's public address for the links in alerts:"
                    + " give Doorstep.builder().publicAddress(…), such as https://example.org/doorstep/");
        }
        sites.requireSite(siteId);
        Instant now = clock.instant();
        if (store.circle(siteId, plan.circleId()).isEmpty()) {
            throw InvalidInputException.of("circle", "unknown", "circle names no circle of this site");
        }
        if (!plan.dueAt().isAfter(now)) {
            throw InvalidInputException.of("dueAt", "future", "dueAt must be in the future");
        }
        requireTexting(siteId, plan.ownContacts().stream().map(Responder::channel).toList(),
                index -> "contacts." + index + ".sms");
        requireTexting(siteId, plan.reminder() == null ? List.of() : List.of(plan.reminder()), index -> "reminder");
        String id = Ids.newId();
        Instant deadline = plan.dueAt().plus(Duration.ofMinutes(plan.graceMinutes()));
        Circle chosen = store.circle(siteId, plan.circleId()).orElseThrow();
        Circle circle = plan.ownContacts().isEmpty() ? chosen : new Circle(siteId, OWN_CIRCLE + id, chosen.name(),
                java.util.stream.Stream.concat(chosen.responders().stream(), plan.ownContacts().stream()
                        .map(contact -> new Responder(contact.name(), contact.channel(), 1))).toList(),
                chosen.escalateAfter());
        CheckIn checkIn = new CheckIn(siteId, id, plan.nickname(), plan.note(), circle.id(), deadline,
                plan.graceMinutes(), 0, 0, plan.reminder(), plan.duressPin() == null ? null : pinHash(id, plan.duressPin()),
                CheckInState.WAITING, 0, null, -1, null, now, null, plan.weekly() ? plan.dueAt() : null, null);
        return stores.inTransaction(() -> {
            if (circle != chosen) {
                store.saveCircle(circle);
            }
            store.add(checkIn);
            if (plan.reminder() != null && plan.reminder().channel() == Address.Channel.SMS) {
                // the number reminders go to is the number the person texts from
                store.linkNumber(siteId, numberDigest(siteId, plan.reminder().target()), id, now);
            }
            String token = access.issue(siteId, Capability.CHECK_IN, id);
            scheduleDeadline(checkIn);
            return new Started(checkIn, token);
        });
    }

    /** The check-in behind the person's own link. */
    public CheckIn checkIn(String siteId, String token) {
        Grant grant = access.require(siteId, Capability.CHECK_IN, token);
        return store.find(siteId, grant.subjectId()).orElseThrow(() -> new NotFoundException("this check-in is over"));
    }

    /**
     * "I'm OK / I'm out": the check-in ends (a weekly one moves to next week's), and anyone alerted gets the
     * all-clear. With the duress PIN it answers the same, and raises the alert instead: whoever watches the person's
     * screen sees an ordinary check-in.
     */
    public void ok(String siteId, String token, String pin) {
        ok(checkIn(siteId, token), pin);
    }

    private void ok(CheckIn checkIn, String pin) {
        if (checkIn.endedForThePerson()) {
            // checking in again changes nothing: above all, it never takes back an alert the duress PIN raised
            return;
        }
        if (pin != null && checkIn.duressPinHash() != null && MessageDigest.isEqual(
                pinHash(checkIn.id(), pin).getBytes(StandardCharsets.US_ASCII),
                checkIn.duressPinHash().getBytes(StandardCharsets.US_ASCII))) {
            underDuress(checkIn);
            return;
        }
        if (checkIn.repeats() && checkIn.state() == CheckInState.WAITING
                && checkIn.dueAt().isAfter(clock.instant().plus(OPENS_BEFORE))) {
            return;
        }
        seenSafe(checkIn, false);
    }

    /**
     * The duress PIN: the person's page ends as after any check-in, and the circle is told they may be watched; never
     * an all-clear. Waiting, the first tier is alerted; already alerted (overdue, or after SOS), everyone told so far
     * hears it is duress, and later tiers get the same. A change at that moment (the deadline raising the alert) is
     * read again, so the PIN is never lost to it.
     */
    private void underDuress(CheckIn read) {
        untilApplied(read, c -> c.endedForThePerson() || c.state() == CheckInState.SAFE, c -> {
            int told = c.alertedTier();
            return c.state() == CheckInState.WAITING ? raise(c, 1, "alert.duress", true)
                    : alert(c, told, c.endedUnderDuress(told, clock.instant()), "alert.duress", tier -> tier <= told, false);
        }, c -> true);
    }

    /**
     * Applies a change to the check-in as read; if it changed at that very moment (the deadline raised the alert, a
     * responder acknowledged), reads it again and applies the change to it as it now is, while it is still the one
     * the change was meant for. One that keeps changing is a {@link ConflictException}.
     *
     * @param done       whether there is nothing (more) to do
     * @param change     the change: whether it was stored over the check-in as given
     * @param stillMeant whether the check-in read again is still the one the change was meant for
     */
    private void untilApplied(CheckIn read, Predicate<CheckIn> done, Predicate<CheckIn> change,
                              Predicate<CheckIn> stillMeant) {
        CheckIn checkIn = read;
        for (int attempt = 0; attempt < 5; attempt++) {
            if (done.test(checkIn) || change.test(checkIn)) {
                return;
            }
            Optional<CheckIn> now = store.find(checkIn.siteId(), checkIn.id());
            if (now.isEmpty() || !stillMeant.test(now.get())) {
                return;
            }
            checkIn = now.get();
        }
        throw new ConflictException("this check-in keeps changing; open it again");
    }

    /** Ends a check-in for good, a weekly one too; anyone alerted gets the all-clear. */
    public void stop(String siteId, String token) {
        CheckIn checkIn = checkIn(siteId, token);
        if (!checkIn.endedForThePerson()) {
            seenSafe(checkIn, true);
        }
    }

    /**
     * The check-in as the person's own page shows it. After the duress PIN a weekly check-in looks as it would after
     * an ordinary "I'm OK": waiting for next week's, while the circle has the alert.
     */
    public CheckIn asThePersonSees(CheckIn checkIn) {
        if (checkIn.repeats() && checkIn.endedForThePerson() && checkIn.state() == CheckInState.ALERTED) {
            return checkIn.nextOccurrence(nextDeadline(sites.requireSite(checkIn.siteId()), checkIn, clock.instant()));
        }
        return checkIn;
    }

    /** "I need help now": the first tier is alerted at once. */
    public void sos(String siteId, String token) {
        sos(checkIn(siteId, token));
    }

    private void sos(CheckIn checkIn) {
        if (checkIn.state() == CheckInState.WAITING) {
            raise(checkIn, 1, "alert.sos", false);
        }
    }

    /** The site's limits on extensions; the defaults (2 times, 60 minutes in all) until a coordinator chose. */
    public CheckInSettings settings(String siteId) {
        sites.requireSite(siteId);
        return store.settings(siteId).orElseGet(() -> CheckInSettings.defaults(siteId));
    }

    public void saveSettings(CheckInSettings settings) {
        sites.requireSite(settings.siteId());
        store.saveSettings(settings);
    }

    /** Whether the person may extend by this many minutes now. */
    public boolean mayExtend(CheckIn checkIn, int minutes) {
        CheckInSettings limits = settings(checkIn.siteId());
        return checkIn.state() == CheckInState.WAITING && checkIn.extensions() < limits.maxExtensions()
                && checkIn.extendedMinutes() + minutes <= limits.maxExtensionMinutes();
    }

    /**
     * Moves the due time on by some minutes, up to the site's cap ({@link CheckInSettings}); once the alert is
     * raised, extending does not take it back.
     */
    public CheckIn extend(String siteId, String token, int minutes) {
        return extend(checkIn(siteId, token), minutes);
    }

    private CheckIn extend(CheckIn checkIn, int minutes) {
        if (checkIn.repeats() && checkIn.endedForThePerson()) {
            // after the duress PIN a weekly check-in pretends to be next week's: asking for more time changes nothing
            return asThePersonSees(checkIn);
        }
        CheckInSettings limits = settings(checkIn.siteId());
        if (minutes < 1 || minutes > 240) {
            throw InvalidInputException.of("minutes", "range", "minutes must be between 1 and 240");
        }
        if (checkIn.state() != CheckInState.WAITING) {
            throw new ConflictException("this check-in has raised its alert already; check in instead");
        }
        if (!mayExtend(checkIn, minutes)) {
            throw InvalidInputException.of("minutes", "cap", "a check-in can be extended at most "
                    + limits.maxExtensions() + " times and " + limits.maxExtensionMinutes() + " minutes in all");
        }
        CheckIn extended = checkIn.extended(checkIn.deadline().plus(Duration.ofMinutes(minutes)), minutes);
        return stores.inTransaction(() -> {
            if (!store.replace(checkIn, extended)) {
                throw new ConflictException("this check-in changed at the same moment; open it again");
            }
            // the task for the old deadline finds it moved and does nothing
            scheduleDeadline(extended);
            return extended;
        });
    }

    private void scheduleDeadline(CheckIn checkIn) {
        String instance = instance(checkIn.siteId(), checkIn.id(), String.valueOf(checkIn.deadline().toEpochMilli()));
        dueWork.scheduleWithChange(DEADLINE, instance, checkIn.deadline());
        Instant remindAt = checkIn.dueAt().minus(REMIND_BEFORE);
        if (checkIn.reminder() != null && remindAt.isAfter(clock.instant())) {
            dueWork.scheduleWithChange(REMIND, instance, remindAt);
        }
    }

    // ---- SMS, for people without mobile data

    /** Sets the site's inbound SMS gateway: which kind signs its posts, and its secret (kept sealed). */
    public void saveSmsGateway(SmsGateway gateway) {
        sites.requireSite(gateway.siteId());
        store.saveGateway(gateway);
    }

    /** The site's SMS gateway, if it has one. */
    public Optional<SmsGateway> smsGateway(String siteId) {
        return store.gateway(siteId);
    }

    /** Whether the site sends texts: then a responder, a contact or a reminder may be a phone number. */
    public boolean sendsTexts(String siteId) {
        return store.gateway(siteId).map(SmsGateway::sends).orElse(false);
    }

    /** Links the person's phone number to their check-in, so texts from it act on it; the number is kept as a digest. */
    public void linkNumber(String siteId, String token, String number) {
        CheckIn checkIn = checkIn(siteId, token);
        String normalised = Address.phoneNumber(number);
        if (normalised == null) {
            throw InvalidInputException.of("number", "phone", "number must be a phone number");
        }
        store.linkNumber(siteId, numberDigest(siteId, normalised), checkIn.id(), clock.instant());
    }

    /**
     * A text from a number, already verified as coming from the site's gateway: its first word, in English or Welsh
     * or as a digit, checks in ({@code IN}, {@code OUT}, {@code OK}, {@code MEWN}, {@code ALLAN}, {@code IAWN}, 1; a
     * second word is the duress PIN), asks for help ({@code SOS}, {@code HELP}, {@code HELPU}, 9) or asks for 15 more
     * minutes ({@code EXTEND}, {@code ESTYN}, {@code MWY}, 2), on the newest check-in the number is linked to that is
     * still running. Anything else, or a number linked to none, does nothing. The caller's reply is the same neutral
     * word whatever happened: a seized phone must not give the person away.
     */
    public void text(String siteId, String fromNumber, String body) {
        String normalised = Address.phoneNumber(fromNumber);
        if (normalised == null || body == null || body.isBlank()) {
            return;
        }
        String[] words = body.strip().split("\\s+");
        String keyword = words[0].toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        Optional<CheckIn> running = store.checkInsOfNumber(siteId, numberDigest(siteId, normalised)).stream()
                .map(id -> store.find(siteId, id)).flatMap(Optional::stream)
                .filter(c -> !c.endedForThePerson()).findFirst();
        if (running.isEmpty()) {
            return;
        }
        CheckIn checkIn = running.get();
        switch (keyword) {
            case "IN", "OUT", "OK", "MEWN", "ALLAN", "IAWN", "1" -> ok(checkIn, words.length > 1 ? words[1] : null);
            case "SOS", "HELP", "HELPU", "9" -> sos(checkIn);
            case "EXTEND", "ESTYN", "MWY", "2" -> {
                try {
                    extend(checkIn, 15);
                } catch (InvalidInputException | ConflictException refused) {
                    // past the cap, or already alerted: the reply stays the same
                }
            }
            default -> {
            }
        }
    }

    private String numberDigest(String siteId, String normalised) {
        String text = siteId + ":" + normalised;
        return sealer != null ? sealer.digest(text) : Digests.sha256Hex(text);
    }

    // ---- due work

    /** The deadline task: the check-in is still waiting at exactly this deadline, so its first tier is alerted. */
    void deadlineReached(String instance) {
        String[] parts = instance.split("/", 3);
        store.find(parts[0], parts[1])
                .filter(c -> c.state() == CheckInState.WAITING && c.deadline().toEpochMilli() == Long.parseLong(parts[2]))
                .ifPresent(c -> raise(c, 1, "alert.missed", false));
    }

    /** The escalation task: nobody acknowledged, so the next tier is alerted. */
    void escalate(String instance) {
        String[] parts = instance.split("/", 4);
        int tier = Integer.parseInt(parts[2]);
        long raised = Long.parseLong(parts[3]);
        store.find(parts[0], parts[1])
                .filter(c -> c.state() == CheckInState.ALERTED && !c.acknowledged() && c.alertedTier() < tier
                        && c.raisedAt() != null && c.raisedAt().toEpochMilli() == raised)
                // every tier hears what the first did: missed, help asked for, or the duress PIN
                .ifPresent(c -> raise(c, tier, c.alertKind() == null ? "alert.missed" : c.alertKind(), false));
    }

    /**
     * The next-week task: a weekly check-in's alert nobody closed is still open at next week's time, so this week's
     * is counted and its links stop, and next week's, which the person has not checked in for either, is alerted.
     */
    void nextWeek(String instance) {
        String[] parts = instance.split("/", 4);
        long raised = Long.parseLong(parts[2]);
        Instant deadline = Instant.ofEpochMilli(Long.parseLong(parts[3]));
        store.find(parts[0], parts[1])
                .filter(c -> c.state() == CheckInState.ALERTED && !c.endedForThePerson()
                        && c.raisedAt() != null && c.raisedAt().toEpochMilli() == raised)
                .ifPresent(c -> stores.inTransaction(() -> {
                    Site site = sites.requireSite(c.siteId());
                    CheckIn next = c.nextOccurrence(deadline);
                    if (store.replace(c, next)) {
                        endWeek(site, c, store.circle(c.siteId(), c.circleId()).orElse(null), clock.instant());
                        raise(next, 1, "alert.missed", false);
                    }
                    return null;
                }));
    }

    /** The reminder task: a neutral note to the person shortly before their time, if it still stands. */
    void remind(String instance) {
        String[] parts = instance.split("/", 3);
        store.find(parts[0], parts[1])
                .filter(c -> c.state() == CheckInState.WAITING && c.deadline().toEpochMilli() == Long.parseLong(parts[2]))
                .ifPresent(c -> stores.inTransaction(() -> {
                    Site site = sites.requireSite(c.siteId());
                    send(site, c.reminder(), "reminder", Map.of("site", site.name(), "due", time(site, c.dueAt())),
                            Map.of(), c);
                    return null;
                }));
    }

    /**
     * Raises the alert to one tier, exactly once: the check-in moves to that tier only if it is still as read, and
     * the tier's messages and the next escalation are written in the same transaction.
     */
    private boolean raise(CheckIn checkIn, int tier, String kind, boolean underDuress) {
        Instant now = clock.instant();
        CheckIn alerted = underDuress ? checkIn.endedUnderDuress(tier, now) : checkIn.alerted(tier, now, kind);
        return alert(checkIn, tier, alerted, kind, responderTier -> responderTier == tier, true);
    }

    /**
     * Moves the check-in from as read to {@code alerted} (raised up to {@code tier}) if it is still as read, and in the
     * same transaction tells the responders of the tiers named, each with a link of their own, and schedules what
     * follows: the next tier, the purge of an alert nobody closes, next week's time of a weekly one.
     *
     * @param raising whether this raises a tier (else it tells those told so far again, and what follows is
     *                scheduled already)
     * @return whether it was still as read
     */
    private boolean alert(CheckIn checkIn, int tier, CheckIn alerted, String kind, IntPredicate tiers, boolean raising) {
        Site site = sites.requireSite(checkIn.siteId());
        Circle circle = store.circle(checkIn.siteId(), checkIn.circleId()).orElseThrow();
        Instant now = clock.instant();
        return stores.inTransaction(() -> {
            if (!store.replace(checkIn, alerted)) {
                return false;
            }
            Duration overdue = now.isAfter(checkIn.dueAt()) ? Duration.between(checkIn.dueAt(), now) : Duration.ZERO;
            for (int index = 0; index < circle.responders().size(); index++) {
                Responder responder = circle.responders().get(index);
                if (tiers.test(responder.tier())) {
                    String token = access.issue(site.id(), Capability.RESPONDER, checkIn.id() + ":" + index);
                    send(site, responder.channel(), kind, Map.of("nickname", checkIn.nickname(),
                            "note", note(site, checkIn), "due", time(site, checkIn.dueAt()),
                            "overdue", overdue.toMinutes(), "link", responderLink(site, token)),
                            Map.of("checkInId", checkIn.id(), "tier", String.valueOf(responder.tier())), checkIn);
                }
            }
            schedulePersonLinkEnd(site, checkIn, alerted, now);
            if (!raising) {
                return true;
            }
            // the raise time names the week's alert: a weekly check-in raises a new one on another day
            String raised = String.valueOf(alerted.raisedAt().toEpochMilli());
            if (tier == 1) {
                dueWork.scheduleWithChange(PURGE, instance(site.id(), checkIn.id(), "unresolved-" + raised),
                        now.plus(KEEP_UNRESOLVED));
                if (checkIn.repeats()) {
                    Instant nextWeek = nextDeadline(site, checkIn, now);
                    dueWork.scheduleWithChange(NEXT_WEEK, instance(site.id(), checkIn.id(), raised,
                            String.valueOf(nextWeek.toEpochMilli())), nextWeek);
                }
            }
            int next = nextTier(circle, tier);
            if (next > 0) {
                dueWork.scheduleWithChange(ESCALATE, instance(site.id(), checkIn.id(), String.valueOf(next), raised),
                        now.plus(circle.escalateAfter()));
            }
            return true;
        });
    }

    /**
     * After the duress PIN a one-off check-in's own link stops working when an ordinary one's would, as it is
     * deleted: whoever reloads it later sees the same as after any check-in.
     */
    private void schedulePersonLinkEnd(Site site, CheckIn before, CheckIn alerted, Instant now) {
        if (alerted.endedForThePerson() && !before.endedForThePerson() && !alerted.repeats()) {
            dueWork.scheduleWithChange(PURGE, instance(site.id(), alerted.id(), "person-link"), now.plus(KEEP_FINISHED));
        }
    }

    /** The next tier with someone in it after this one, or 0. */
    private static int nextTier(Circle circle, int tier) {
        return circle.responders().stream().mapToInt(Responder::tier).filter(t -> t > tier).min().orElse(0);
    }

    // ---- the responder's side

    /** The alert behind a responder's link: what the circle needs, and who else has it. */
    public Alert alert(String siteId, String responderToken) {
        Responding responding = responding(siteId, responderToken);
        CheckIn c = responding.checkIn;
        List<String> others = new ArrayList<>();
        for (int index = 0; index < responding.circle.responders().size(); index++) {
            Responder responder = responding.circle.responders().get(index);
            if (index != responding.index && responder.tier() <= c.alertedTier()) {
                others.add(responder.name());
            }
        }
        Instant now = clock.instant();
        Duration overdue = now.isAfter(c.dueAt()) ? Duration.between(c.dueAt(), now) : Duration.ZERO;
        String onIt = c.acknowledged() ? responding.circle.responders().get(c.acknowledgedBy()).name() : null;
        return new Alert(c.nickname(), c.note(), overdue, onIt, others, c.state() == CheckInState.SAFE,
                c.acknowledgedBy() == responding.index);
    }

    /** "I'm on it": the others alerted are told, and no later tier is alerted. */
    public void acknowledge(String siteId, String responderToken) {
        Responding responding = responding(siteId, responderToken);
        Site site = sites.requireSite(siteId);
        Responder me = responding.circle.responders().get(responding.index);
        CheckIn c = responding.checkIn;
        // read again if it changed meanwhile (a later tier was alerted): an acknowledgement is never lost to a race
        for (int attempt = 0; attempt < 5 && c.state() == CheckInState.ALERTED && !c.acknowledged(); attempt++) {
            CheckIn read = c;
            boolean done = stores.inTransaction(() -> {
                if (!store.replace(read, read.acknowledgedBy(responding.index, clock.instant()))) {
                    return false;
                }
                tellAlerted(site, responding.circle, read, responding.index, "acknowledged",
                        Map.of("nickname", read.nickname(), "responder", me.name()));
                return true;
            });
            if (done) {
                return;
            }
            c = store.find(siteId, c.id()).orElse(read.safe(clock.instant()));
        }
    }

    /** "Seen safe" (or "came out safe"): the check-in ends for the person, and everyone alerted gets the all-clear. */
    public void seenSafe(String siteId, String responderToken) {
        seenSafe(responding(siteId, responderToken).checkIn, false);
    }

    /**
     * Ends the check-in safely; a weekly one moves to next week's unless it ends for good. If it changed since it was
     * read (its deadline raised the alert at that very moment, a responder acknowledged), it is read again and ended
     * as it now is, so the person pressing "I'm OK" at the deadline is never left alerted without an all-clear; if it
     * has meanwhile moved to another week's, that one is left alone.
     */
    void seenSafe(CheckIn read, boolean forGood) {
        untilApplied(read, c -> c.state() == CheckInState.SAFE, c -> endSafely(c, forGood),
                c -> forGood || c.occurrence().equals(read.occurrence()));
    }

    private boolean endSafely(CheckIn checkIn, boolean forGood) {
        Site site = sites.requireSite(checkIn.siteId());
        Instant now = clock.instant();
        boolean nextWeek = checkIn.repeats() && !forGood;
        CheckIn ended = nextWeek ? checkIn.nextOccurrence(nextDeadline(site, checkIn, now)) : checkIn.safe(now);
        return stores.inTransaction(() -> {
            if (!store.replace(checkIn, ended)) {
                return false;
            }
            Circle circle = store.circle(checkIn.siteId(), checkIn.circleId()).orElseThrow();
            if (checkIn.alertedTier() > 0) {
                tellAlerted(site, circle, checkIn, -1, "allclear", Map.of("nickname", checkIn.nickname()));
            }
            if (nextWeek) {
                endWeek(site, checkIn, circle, now);
                scheduleDeadline(ended);
            } else {
                dueWork.scheduleWithChange(PURGE, instance(site.id(), checkIn.id(), "finished"), now.plus(KEEP_FINISHED));
            }
            return true;
        });
    }

    /** The deadline of a weekly check-in's next time after both now and its current one: same weekday, same time. */
    private static Instant nextDeadline(Site site, CheckIn checkIn, Instant now) {
        Instant after = now.isAfter(checkIn.occurrence()) ? now : checkIn.occurrence();
        java.time.ZonedDateTime first = checkIn.repeatsFrom().atZone(site.zone());
        long weeks = Math.max(0, java.time.temporal.ChronoUnit.WEEKS.between(first, after.atZone(site.zone())));
        java.time.ZonedDateTime next = first.plusWeeks(weeks);
        while (!next.toInstant().isAfter(after)) {
            next = next.plusWeeks(1);
        }
        return next.toInstant().plus(Duration.ofMinutes(checkIn.graceMinutes()));
    }

    private void tellAlerted(Site site, Circle circle, CheckIn checkIn, int except, String kind, Map<String, Object> arguments) {
        for (int index = 0; index < circle.responders().size(); index++) {
            Responder responder = circle.responders().get(index);
            if (index != except && responder.tier() <= checkIn.alertedTier()) {
                send(site, responder.channel(), kind, arguments, Map.of("checkInId", checkIn.id()), checkIn);
            }
        }
    }

    private record Responding(CheckIn checkIn, Circle circle, int index) {
    }

    private Responding responding(String siteId, String responderToken) {
        Grant grant = access.require(siteId, Capability.RESPONDER, responderToken);
        String[] parts = grant.subjectId().split(":", 2);
        CheckIn checkIn = store.find(siteId, parts[0])
                .filter(c -> c.raisedAt() != null)
                .orElseThrow(() -> new ForbiddenException("this alert is over"));
        if (checkIn.raisedAt() != null && clock.instant().isAfter(checkIn.raisedAt().plus(RESPONDER_LINK_LIFETIME))) {
            throw new ForbiddenException("this responder link has expired");
        }
        Circle circle = store.circle(siteId, checkIn.circleId()).orElseThrow();
        return new Responding(checkIn, circle, Integer.parseInt(parts[1]));
    }

    // ---- purging and counts

    /**
     * The purge task: the finished check-in's row goes, with every link to it, and so does an alert nobody closed
     * {@link #KEEP_UNRESOLVED} after it was raised; only counts stay.
     */
    void purge(String instance) {
        String[] parts = instance.split("/", 3);
        Instant now = clock.instant();
        if (parts[2].equals("person-link")) {
            store.find(parts[0], parts[1]).filter(CheckIn::endedForThePerson)
                    .ifPresent(c -> access.revoke(c.siteId(), Capability.CHECK_IN, c.id()));
            return;
        }
        // a weekly alert nobody closed moves on with next week's time (NEXT_WEEK), so only one the duress PIN ended
        // for the person is left to this purge
        store.find(parts[0], parts[1]).filter(c -> c.state() == CheckInState.SAFE
                || c.raisedAt() != null && !now.isBefore(c.raisedAt().plus(KEEP_UNRESOLVED))
                && (!c.repeats() || c.endedForThePerson())).ifPresent(c -> {
            Site site = sites.requireSite(c.siteId());
            stores.inTransaction(() -> {
                count(site, c, c.endedAt() != null ? c.endedAt() : now);
                store.delete(c.siteId(), c.id());
                access.revoke(c.siteId(), Capability.CHECK_IN, c.id());
                revokeResponderLinks(site, c, store.circle(c.siteId(), c.circleId()).orElse(null));
                if (c.circleId().startsWith(OWN_CIRCLE)) {
                    store.deleteCircle(c.siteId(), c.circleId());
                }
                // the reminders, alerts and all-clears it sent say its nickname and note: they go with it
                outbox.forget(c.siteId(), c.id());
                return null;
            });
        });
    }

    /** A weekly check-in's week is over: its counts stay, its responder links stop working. */
    private void endWeek(Site site, CheckIn week, Circle circle, Instant now) {
        count(site, week, now);
        revokeResponderLinks(site, week, circle);
    }

    /** Counts one check-in (one week's of a weekly one) in the week it ended: whether it alerted, how fast one answered. */
    private void count(Site site, CheckIn c, Instant ended) {
        LocalDate day = LocalDate.ofInstant(ended, site.zone());
        long toAcknowledge = c.acknowledgedAt() == null || c.raisedAt() == null ? -1
                : Duration.between(c.raisedAt(), c.acknowledgedAt()).toSeconds();
        store.count(c.siteId(), day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), c.raisedAt() != null,
                toAcknowledge);
    }

    private void revokeResponderLinks(Site site, CheckIn c, Circle circle) {
        int responders = circle == null ? 0 : circle.responders().size();
        for (int index = 0; index < responders; index++) {
            access.revoke(site.id(), Capability.RESPONDER, c.id() + ":" + index);
        }
    }

    /** The site's counts: check-ins and alerts per week. */
    public List<CheckInCount> counts(String siteId) {
        sites.requireSite(siteId);
        return store.counts(siteId);
    }

    // ---- shared

    private String responderLink(Site site, String token) {
        String path = "w/" + site.id() + "/checkin/respond/" + token;
        return publicAddress == null ? path : publicAddress.resolve(path).toString();
    }

    private static String note(Site site, CheckIn checkIn) {
        return checkIn.note() != null ? checkIn.note()
                : Texts.of(TEXTS, Texts.firstOf(site.languages())).format("note.none", Map.of());
    }

    private static String time(Site site, Instant instant) {
        Locale language = Texts.firstOf(site.languages());
        return DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", language).format(instant.atZone(site.zone()));
    }

    /** Queues one message; one about a check-in ({@code about}, else {@code null}) is forgotten when its row goes. */
    private void send(Site site, Address to, String kind, Map<String, Object> arguments, Map<String, String> data,
                      CheckIn about) {
        outbox.enqueue(SiteMessages.of(site, to, "checkin", TEXTS, kind, arguments, data, clock.instant()),
                about == null ? null : about.id());
    }

    /**
     * Refuses a text address when the site has no gateway that sends texts: an alert that cannot leave is worse than
     * a form that says so now.
     */
    private void requireTexting(String siteId, List<Address> addresses, java.util.function.IntFunction<String> field) {
        for (int index = 0; index < addresses.size(); index++) {
            // the site's gateway is read only when a phone number is there to check
            if (addresses.get(index).channel() == Address.Channel.SMS && !sendsTexts(siteId)) {
                String name = field.apply(index);
                throw InvalidInputException.of(name, "no-gateway", name + " is a phone number, and this site sends no"
                        + " texts: a coordinator sets up an SMS gateway that sends first, or give an email address");
            }
        }
    }

    private static String pinHash(String checkInId, String pin) {
        return Digests.sha256Hex(checkInId + ":" + pin);
    }

    private static String instance(String... parts) {
        return String.join("/", parts);
    }

    /** Whether the due work for a check-in's deadline is scheduled: for tests and the health page. */
    boolean deadlineScheduled(CheckIn checkIn) {
        return dueWork.isScheduled(DEADLINE, instance(checkIn.siteId(), checkIn.id(),
                String.valueOf(checkIn.deadline().toEpochMilli())));
    }

    Optional<CheckIn> find(String siteId, String id) {
        return store.find(siteId, id);
    }
}
