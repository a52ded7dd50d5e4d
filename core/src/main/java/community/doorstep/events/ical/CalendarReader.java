package community.doorstep.events.ical;

import community.doorstep.DoorstepException;
import community.doorstep.InvalidInputException;
import community.doorstep.access.ModerationState;
import community.doorstep.events.Event;
import community.doorstep.events.EventSource;
import community.doorstep.events.EventStatus;
import community.doorstep.events.EventTime;
import community.doorstep.events.Feed;
import community.doorstep.events.Location;
import community.doorstep.events.Recurrence;
import community.doorstep.events.SkippedItem;
import community.doorstep.events.SkippedItem.Reason;
import community.doorstep.internal.Texts;
import community.doorstep.internal.Validator;
import community.doorstep.site.Tag;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Trigger;
import net.fortuna.ical4j.util.CompatibilityHints;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an iCal calendar as real groups' calendars are, not as RFC 5545 wishes they were: ical4j parses with
 * its relaxed hints, a component ical4j still cannot read (or whose END is misspelt) is cut out and reported
 * while the rest imports (a broken alarm alone, its event kept), and times are resolved here (tz database first,
 * Windows names, X-WR-TIMEZONE for floating times).
 */
public final class CalendarReader {
    private static final int MAX_TITLE = 500;
    private static final int MAX_DESCRIPTION = 20_000;
    /** A calendar with more broken components than this is more likely garbage than a calendar. */
    private static final int MAX_BROKEN_COMPONENTS = 100;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm[ss]")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UTC_DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");
    private static final Pattern UNTIL = Pattern.compile("(?i)(?<=^|;)UNTIL=([0-9TZ]+)");
    private static final Pattern ICAL4J_LINE = Pattern.compile("^Error at line \\d+:\\s*");
    private static final String TEXTS = "community.doorstep.events.ical.texts";

    static {
        // Real feeds break the letter of RFC 5545 all the time; these hints make ical4j accept what it can.
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY, true);
    }

    private final Feed feed;
    private final ZoneId siteZone;
    /** The title of an event whose calendar gave it none, as Google Calendar shows it. */
    private final String untitled;
    private final List<SkippedItem> skipped = new ArrayList<>();
    private final Map<String, Tag> tagLabels = new LinkedHashMap<>();
    private ZoneResolver zones;
    private ZoneId floatingZone;

    private CalendarReader(Feed feed, ZoneId siteZone, Locale language) {
        this.feed = feed;
        this.siteZone = siteZone;
        this.untitled = Texts.of(TEXTS, language).format("title.missing", Map.of());
    }

    /**
     * Reads a calendar into events for a feed.
     *
     * @param text     the whole calendar
     * @param siteZone the zone for floating times when the calendar names none (X-WR-TIMEZONE)
     * @param language the site's first language, for the words the reader writes into events itself (the
     *                 title of an event without one)
     * @param feed     the feed the events belong to
     * @throws InvalidInputException when the text is not a calendar; the message names the line
     */
    public static ParsedCalendar read(String text, ZoneId siteZone, Locale language, Feed feed) {
        return new CalendarReader(feed, siteZone, language).read(text);
    }

    private ParsedCalendar read(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CalendarOutline outline = CalendarOutline.of(withoutBom);
        Calendar calendar = parseDroppingBrokenComponents(outline);
        floatingZone = calendar.getPropertyList().getProperty("X-WR-TIMEZONE")
                .map(property -> ZoneResolver.knownZone(((Property) property).getValue().strip()))
                .orElse(null);
        if (floatingZone == null) {
            floatingZone = siteZone;
        }
        List<Event> events = mapEvents(calendar);
        return new ParsedCalendar(events, skipped, List.copyOf(tagLabels.values()));
    }

    private Calendar parseDroppingBrokenComponents(CalendarOutline outline) {
        List<Integer> keptLines = new ArrayList<>();
        for (int i = 1; i <= outline.lines().size(); i++) {
            keptLines.add(i);
        }
        Set<CalendarOutline.Block> dropped = new HashSet<>();
        for (CalendarOutline.Slip slip : outline.slips()) {
            // a second slip inside a component already cut out needs no cut of its own
            if (keptLines.contains(slip.line())) {
                cut(outline, slip.line(), slip.why(), keptLines, dropped);
            }
        }
        while (true) {
            StringBuilder text = new StringBuilder();
            for (int lineNo : keptLines) {
                text.append(outline.lines().get(lineNo - 1)).append("\r\n");
            }
            CalendarBuilder builder = new CalendarBuilder(CalendarParserFactory.getInstance().get(),
                    new ContentHandlerContext().withSuppressInvalidProperties(true),
                    TimeZoneRegistryFactory.getInstance().createRegistry());
            try {
                Calendar calendar = builder.build(new StringReader(text.toString()));
                zones = new ZoneResolver(builder.getRegistry());
                return calendar;
            } catch (ParserException e) {
                int parsedLine = Math.max(1, Math.min(e.getLineNo(), keptLines.size()));
                int originalLine = keptLines.get(parsedLine - 1);
                String why = ICAL4J_LINE.matcher(String.valueOf(e.getMessage())).replaceFirst("");
                cut(outline, originalLine, why, keptLines, dropped);
            } catch (IOException e) {
                throw new DoorstepException("could not read the calendar", e);
            }
        }
    }

    /**
     * Cuts out the smallest component around a broken line that can go alone, and reports it: an alarm goes by
     * itself (no alarm is imported, so its event is the same without it), anything else with its top-level
     * component. A line in no component breaks the whole calendar.
     */
    private void cut(CalendarOutline outline, int line, String why, List<Integer> keptLines,
                     Set<CalendarOutline.Block> dropped) {
        CalendarOutline.Block broken = outline.blocks().stream()
                .filter(block -> block.contains(line) && !dropped.contains(block))
                .max(Comparator.comparingInt(CalendarOutline.Block::depth))
                .orElseThrow(() -> CalendarOutline.invalid(line, why));
        if (dropped.size() >= MAX_BROKEN_COMPONENTS) {
            throw CalendarOutline.invalid(line, "too many broken components, the last: " + why);
        }
        dropped.add(broken);
        keptLines.removeIf(broken::contains);
        String uid = uidIn(outline, outline.topLevel(broken));
        skipped.add(broken.depth() == 1
                ? new SkippedItem(uid, Reason.INVALID, "line " + line + ": " + why)
                : new SkippedItem(uid, Reason.REPAIRED, "line " + line + ": the alarm (VALARM from line "
                + broken.firstLine() + ") is left out and the event published without it: " + why));
    }

    private static String uidIn(CalendarOutline outline, CalendarOutline.Block block) {
        for (int lineNo = block.firstLine(); lineNo <= block.lastLine(); lineNo++) {
            String line = outline.lines().get(lineNo - 1);
            if (line.regionMatches(true, 0, "UID:", 0, 4)) {
                return line.substring(4).strip();
            }
        }
        return block.name() + " at line " + block.firstLine();
    }

    private List<Event> mapEvents(Calendar calendar) {
        Map<String, Event> byKey = new LinkedHashMap<>();
        Set<String> privateUids = new HashSet<>();
        for (Component component : calendar.getComponents()) {
            if (!component.getName().equalsIgnoreCase("VEVENT")) {
                continue;
            }
            String uid = text(component, "UID").orElse(null);
            String classification = text(component, "CLASS").orElse("PUBLIC").toUpperCase(Locale.ROOT);
            if (classification.equals("PRIVATE") || classification.equals("CONFIDENTIAL")) {
                if (uid != null) {
                    privateUids.add(uid);
                }
                skipped.add(new SkippedItem(uid == null ? "(no UID)" : uid, Reason.PRIVATE,
                        "marked CLASS:" + classification + ": private appointments are never published"));
                continue;
            }
            Event event;
            try {
                event = map(component, uid);
            } catch (DateTimeException | IllegalArgumentException | InvalidInputException e) {
                skipped.add(new SkippedItem(uid == null ? describe(component) : uid, Reason.INVALID, e.getMessage()));
                continue;
            }
            String key = event.importKey();
            Event earlier = byKey.get(key);
            if (earlier != null && earlier.sequence() > event.sequence()) {
                skipped.add(new SkippedItem(event.uid(), Reason.SUPERSEDED,
                        "SEQUENCE " + event.sequence() + " is older than SEQUENCE " + earlier.sequence()));
                continue;
            }
            if (earlier != null) {
                skipped.add(new SkippedItem(earlier.uid(), Reason.SUPERSEDED,
                        "SEQUENCE " + earlier.sequence() + " is replaced by SEQUENCE " + event.sequence()));
            }
            byKey.put(key, event);
            reportRepairs(component, event);
        }
        List<Event> events = new ArrayList<>(byKey.values());
        // An instance of a private series is as private as the series.
        events.removeIf(event -> event.isOverride() && privateUids.contains(event.uid()));
        return events;
    }

    /** Tells the organiser what an event was published without. */
    private void reportRepairs(Component component, Event event) {
        if (text(component, "SUMMARY").isEmpty()) {
            skipped.add(new SkippedItem(event.uid(), Reason.REPAIRED,
                    "SUMMARY is missing: the event is published with the title \"" + event.title() + "\""));
        }
        if (component instanceof VEvent withAlarms) {
            for (VAlarm alarm : withAlarms.getAlarms()) {
                if (!hasReadableTrigger(alarm)) {
                    skipped.add(new SkippedItem(event.uid(), Reason.REPAIRED, "an alarm (VALARM) has no TRIGGER"
                            + " that can be read: it is left out and the event published without it"));
                }
            }
        }
    }

    /**
     * Whether an alarm says when it rings: ical4j leaves out a TRIGGER it cannot read (such as -PXYZ), and an empty
     * one holds neither a time nor a duration.
     */
    private static boolean hasReadableTrigger(VAlarm alarm) {
        return alarm.<Trigger>getProperty("TRIGGER")
                .filter(trigger -> trigger.getDuration() != null || trigger.getDate() != null)
                .isPresent();
    }

    private Event map(Component component, String uidOrNull) {
        Moment start = moment(component, "DTSTART")
                .orElseThrow(() -> new IllegalArgumentException("DTSTART is missing or not a valid date"));
        String summary = text(component, "SUMMARY").map(CalendarReader::oneLine).orElse("");
        // Google Calendar shows an event without SUMMARY as "(No title)"; so does Doorstep, in the site's language.
        String title = summary.isEmpty() ? untitled : summary;
        String uid = uidOrNull != null ? uidOrNull : generatedUid(start, summary);
        EventTime time = time(component, start);
        ZoneId seriesZone = start.at().getZone();
        Moment recurrenceId = moment(component, "RECURRENCE-ID").orElse(null);
        Recurrence recurrence = recurrenceId != null ? Recurrence.NONE : new Recurrence(
                component.getPropertyList().getProperties("RRULE").stream()
                        .map(rule -> normalisedRule(rule.getValue(), start.date(), seriesZone))
                        .toList(),
                moments(component, "RDATE", seriesZone),
                moments(component, "EXDATE", seriesZone));

        String rawDescription = text(component, "DESCRIPTION").orElse(null);
        String rawLocation = text(component, "LOCATION").map(CalendarReader::oneLine).orElse(null);
        String url = text(component, "URL").orElse(null);
        URI onlineLink = OnlineLinks.find(text(component, "CONFERENCE").orElse(null), rawLocation, url, rawDescription,
                text(component, "X-GOOGLE-CONFERENCE").orElse(null),
                text(component, "X-MICROSOFT-SKYPETEAMSMEETINGURL").orElse(null),
                text(component, "X-MICROSOFT-ONLINEMEETINGCONFLINK").orElse(null));
        Location location = rawLocation == null || OnlineLinks.isOnlyLink(rawLocation)
                ? null : Location.named(truncate(rawLocation, 500));

        return new Event(feed.siteId(), "pending", fitted(uid),
                recurrenceId == null ? null : recurrenceId.at(), thisAndFuture(component), sequence(component),
                truncate(title, MAX_TITLE), truncate(PlainText.of(rawDescription), MAX_DESCRIPTION), time, recurrence,
                location, onlineLink, tags(component), feed.organisationId(), null, null, null,
                httpLink(url), status(component), EventSource.FEED, feed.id(), ModerationState.APPROVED,
                summary.isEmpty() ? null : language(component));
    }

    /**
     * The language the event's words are in: LANGUAGE on its SUMMARY, else on its DESCRIPTION (RFC 5545 §3.2.10).
     * A tag that is not one is left out, and the event kept.
     */
    private static String language(Component component) {
        for (String name : List.of("SUMMARY", "DESCRIPTION")) {
            Optional<String> tag = component.getPropertyList().getProperty(name)
                    .flatMap(property -> ((Property) property).<Parameter>getParameter("LANGUAGE"))
                    .map(language -> Validator.languageTag(language.getValue().strip()));
            if (tag.isPresent()) {
                return tag.get();
            }
        }
        return null;
    }

    /** RANGE=THISANDFUTURE on RECURRENCE-ID: the override changes every later instance too (RFC 5545 §3.2.13). */
    private static boolean thisAndFuture(Component component) {
        Optional<Property> recurrenceId = component.getPropertyList().getProperty("RECURRENCE-ID");
        return recurrenceId.flatMap(property -> property.<Parameter>getParameter("RANGE"))
                .map(range -> range.getValue().strip().equalsIgnoreCase("THISANDFUTURE"))
                .orElse(false);
    }

    private EventTime time(Component component, Moment start) {
        ZonedDateTime begin = start.at();
        if (start.date()) {
            // An all-day start lasts whole days, whatever DTEND's type (some exporters write a date-time).
            ZonedDateTime end = moment(component, "DTEND")
                    .map(moment -> moment.at().withZoneSameLocal(begin.getZone()).toLocalDate().atStartOfDay(begin.getZone()))
                    .or(() -> duration(component).map(amount -> begin.toLocalDate().plus(amount).atStartOfDay(begin.getZone())))
                    .filter(candidate -> candidate.isAfter(begin))
                    .orElse(begin.toLocalDate().plusDays(1).atStartOfDay(begin.getZone()));
            return new EventTime(begin, end, true);
        }
        ZonedDateTime end = moment(component, "DTEND").map(Moment::at)
                .or(() -> duration(component).map(begin::plus))
                .filter(candidate -> !candidate.isBefore(begin))
                .orElse(begin);
        return new EventTime(begin, end, false);
    }

    private static Optional<TemporalAmount> duration(Component component) {
        return component.getPropertyList().getProperty("DURATION")
                .map(property -> ((net.fortuna.ical4j.model.property.Duration) property).getDuration());
    }

    /** A date or date-time value with its zone resolved; all-day dates start at midnight in the floating zone. */
    private record Moment(ZonedDateTime at, boolean date) {
    }

    private Optional<Moment> moment(Component component, String name) {
        return component.getPropertyList().getProperty(name)
                .map(property -> parseMoment((Property) property, ((Property) property).getValue().strip(), null));
    }

    private List<ZonedDateTime> moments(Component component, String name, ZoneId seriesZone) {
        List<ZonedDateTime> values = new ArrayList<>();
        for (Property property : component.getPropertyList().getProperties(name)) {
            for (String value : property.getValue().split(",")) {
                if (!value.isBlank()) {
                    // An RDATE period starts where its first half says; the series keeps its own length.
                    String start = value.strip().split("/")[0];
                    values.add(parseMoment(property, start, seriesZone).at());
                }
            }
        }
        return values;
    }

    private Moment parseMoment(Property property, String value, ZoneId dateZone) {
        boolean date = value.length() == 8 || property.getParameter("VALUE")
                .map(parameter -> parameter.getValue().equalsIgnoreCase("DATE")).orElse(false);
        if (date) {
            LocalDate day = LocalDate.parse(value.substring(0, Math.min(8, value.length())), DATE);
            return new Moment(day.atStartOfDay(dateZone != null ? dateZone : floatingZone), true);
        }
        if (value.endsWith("Z") || value.endsWith("z")) {
            return new Moment(LocalDateTime.parse(value.substring(0, value.length() - 1), DATE_TIME)
                    .atZone(ZoneOffset.UTC), false);
        }
        LocalDateTime local = LocalDateTime.parse(value, DATE_TIME);
        ZoneId zone = property.getParameter("TZID").map(tzid -> zones.resolve(tzid.getValue())).orElse(null);
        return new Moment(local.atZone(zone != null ? zone : floatingZone), false);
    }

    /**
     * Writes UNTIL in the form ical4j compares correctly with the series' start: a date for all-day series,
     * a UTC date-time otherwise (a local or date-only UNTIL is read in the series' zone, inclusive).
     */
    static String normalisedRule(String rule, boolean allDay, ZoneId seriesZone) {
        String cleaned = Arrays.stream(rule.strip().split(";"))
                .filter(part -> !part.isBlank())
                .reduce((a, b) -> a + ";" + b)
                .orElseThrow(() -> new IllegalArgumentException("RRULE is empty"));
        Matcher until = UNTIL.matcher(cleaned);
        if (!until.find()) {
            return validRule(cleaned);
        }
        String value = until.group(1).toUpperCase(Locale.ROOT);
        String normalised;
        if (allDay) {
            normalised = value.substring(0, Math.min(8, value.length()));
        } else if (value.length() == 8) {
            normalised = LocalDate.parse(value, DATE).atTime(23, 59, 59).atZone(seriesZone)
                    .withZoneSameInstant(ZoneOffset.UTC).format(UTC_DATE_TIME);
        } else if (!value.endsWith("Z")) {
            normalised = LocalDateTime.parse(value, DATE_TIME).atZone(seriesZone)
                    .withZoneSameInstant(ZoneOffset.UTC).format(UTC_DATE_TIME);
        } else {
            normalised = value;
        }
        return validRule(cleaned.substring(0, until.start(1)) + normalised + cleaned.substring(until.end(1)));
    }

    private static String validRule(String rule) {
        try {
            new Recur<>(rule);
            return rule;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("RRULE \"" + rule + "\" cannot be read: " + e.getMessage(), e);
        }
    }

    private static Optional<String> text(Component component, String name) {
        return component.getPropertyList().getProperty(name)
                .map(property -> ((Property) property).getValue())
                .filter(value -> !value.isBlank());
    }

    private static EventStatus status(Component component) {
        return switch (text(component, "STATUS").orElse("").strip().toUpperCase(Locale.ROOT)) {
            case "CANCELLED" -> EventStatus.CANCELLED;
            case "TENTATIVE" -> EventStatus.TENTATIVE;
            default -> EventStatus.CONFIRMED;
        };
    }

    private static int sequence(Component component) {
        try {
            return text(component, "SEQUENCE").map(String::strip).map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private Set<String> tags(Component component) {
        Set<String> tags = new LinkedHashSet<>();
        for (Property categories : component.getPropertyList().getProperties("CATEGORIES")) {
            for (String label : categories.getValue().split(",")) {
                if (!label.isBlank()) {
                    Tag tag = Tag.fromLabel(truncate(label.strip(), 100));
                    tagLabels.putIfAbsent(tag.id(), tag);
                    tags.add(tag.id());
                }
            }
        }
        return tags;
    }

    private static URI httpLink(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? uri : null;
        } catch (java.net.URISyntaxException notALink) {
            return null;
        }
    }

    /** A stable UID for an event whose calendar gave none, so that importing it again matches it. */
    private static String generatedUid(Moment start, String title) {
        return "doorstep-" + Checksums.sha256(start.at().toString() + "\n" + title).substring(0, 32);
    }

    private static String fitted(String uid) {
        return uid.length() <= Event.MAX_UID ? uid : "sha256:" + Checksums.sha256(uid);
    }

    private static String describe(Component component) {
        return component.getName() + " " + text(component, "SUMMARY").map(CalendarReader::oneLine).orElse("without UID");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
