package community.doorstep.web.events;

import community.doorstep.Doorstep;
import community.doorstep.events.Event;
import community.doorstep.events.EventStatus;
import community.doorstep.events.Location;
import community.doorstep.events.Occurrence;
import community.doorstep.events.OccurrencePage;
import community.doorstep.site.Area;
import community.doorstep.site.Organisation;
import community.doorstep.web.internal.Page;
import community.doorstep.web.internal.TagChoices;
import community.doorstep.web.internal.QueryParams;
import community.doorstep.web.internal.Routes;
import community.doorstep.web.internal.SiteCalendar;
import community.doorstep.web.internal.WebRoutes;
import community.doorstep.web.internal.Widgets;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;

import static community.doorstep.web.internal.Widgets.Privacy.PUBLIC;

/** The public event widgets: the "what's on next" list (the default), the month table and one event. */
final class EventPages {
    /** The list shows a fortnight at a time: short enough to read, long enough to plan. */
    static final int PERIOD_DAYS = 14;
    /** At most this many occurrences on one page of the list: a busy fortnight goes on over "more events" pages. */
    static final int LIST_LIMIT = 60;
    private static final DateTimeFormatter GOOGLE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter GOOGLE_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /** Calendar links stay well within what browsers and Google accept. */
    private static final int MAX_LINK_DETAILS = 1000;

    private final Doorstep doorstep;
    private final Widgets widgets;

    EventPages(Doorstep doorstep, Widgets widgets) {
        this.doorstep = doorstep;
        this.widgets = widgets;
    }

    /** {@code w/{site}/events?from&tag&area&org&q}: what's on next, day by day. */
    Response list(Page page) {
        QueryParams params = Routes.queryParams(page.request);
        LocalDate requested = params.date("from");
        String cursor = params.text("cursor", 2000);
        EventFilters filters = EventFilters.read(params);
        params.throwIfInvalid();
        LocalDate from = requested != null ? requested : page.calendar.today();
        LocalDate to = from.plusDays(PERIOD_DAYS);
        ZoneId zone = page.site().zone();
        OccurrencePage shown = doorstep.events().calendar().query(filters.applyTo(page.calendar.window(from, to))
                .withLimit(LIST_LIMIT).withCursor(cursor));
        List<Occurrence> occurrences = shown.occurrences();

        Map<LocalDate, List<Map<String, Object>>> byDay = new TreeMap<>();
        for (Occurrence occurrence : occurrences) {
            LocalDate day = occurrence.time().start().withZoneSameInstant(zone).toLocalDate();
            // something that began before the period and is still on is listed on its first day
            byDay.computeIfAbsent(day.isBefore(from) ? from : day, d -> new ArrayList<>()).add(summary(page, occurrence));
        }
        LocalDate today = page.calendar.today();
        DateTimeFormatter dayFormat = page.format("format.day");
        List<Map<String, Object>> days = new ArrayList<>();
        byDay.forEach((day, items) -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("heading", capitalise(dayFormat.format(day)));
            view.put("date", day.toString());
            view.put("today", day.equals(today));
            view.put("occurrences", items);
            days.add(view);
        });

        Map<String, Object> model = page.model(page.t("events.title"));
        model.put("days", days);
        model.put("period", page.dateRange(from, to.minusDays(1), false));
        String[] filterQuery = filterQuery(filters);
        model.put("previous", page.link("events", concat(new String[]{"from", from.minusDays(PERIOD_DAYS).toString()}, filterQuery)));
        model.put("next", page.link("events", concat(new String[]{"from", to.toString()}, filterQuery)));
        model.put("more", shown.nextCursor() == null ? null
                : page.link("events", concat(new String[]{"from", from.toString(), "cursor", shown.nextCursor()}, filterQuery)));
        model.put("filters", filterForm(page, filters));
        model.put("found", page.t(shown.nextCursor() == null ? "events.found" : "events.foundMore", occurrences.size()));
        model.put("subscribe", subscribeLinks(page, filterQuery));
        model.put("jsonLd", occurrences.isEmpty() ? null
                : JsonLd.of(occurrences, zone, occurrence -> page.absolute(eventLink(page, occurrence))));
        return widgets.render(page, "events", model, 200, PUBLIC);
    }

    /** {@code w/{site}/events/month?month=YYYY-MM}: the month as a table, a row per day. */
    Response month(Page page) {
        QueryParams params = Routes.queryParams(page.request);
        String monthText = params.text("month", 7);
        EventFilters filters = EventFilters.read(params);
        YearMonth month = YearMonth.from(page.calendar.today());
        if (monthText != null) {
            try {
                month = YearMonth.parse(monthText);
            } catch (DateTimeParseException e) {
                params.check(false, "month", "month", "month must be written YYYY-MM");
            }
        }
        params.throwIfInvalid();
        ZoneId zone = page.site().zone();
        LocalDate first = month.atDay(1);
        List<Occurrence> occurrences = doorstep.events().calendar().queryAll(filters.applyTo(
                page.calendar.window(first, month.plusMonths(1).atDay(1))));
        Map<LocalDate, List<Map<String, Object>>> byDay = new TreeMap<>();
        for (Occurrence occurrence : occurrences) {
            LocalDate day = occurrence.time().start().withZoneSameInstant(zone).toLocalDate();
            byDay.computeIfAbsent(day.isBefore(first) ? first : day, d -> new ArrayList<>()).add(summary(page, occurrence));
        }
        DateTimeFormatter dayFormat = page.format("format.day");
        LocalDate today = page.calendar.today();
        List<Map<String, Object>> days = new ArrayList<>();
        for (LocalDate day = first; day.getMonth() == month.getMonth(); day = day.plusDays(1)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("heading", capitalise(dayFormat.format(day)));
            view.put("today", day.equals(today));
            view.put("occurrences", byDay.getOrDefault(day, List.of()));
            days.add(view);
        }
        String caption = capitalise(page.format("format.month").format(month));
        Map<String, Object> model = page.model(page.t("month.title", caption));
        model.put("caption", caption);
        model.put("days", days);
        String[] filterQuery = filterQuery(filters);
        model.put("previous", page.link("events/month", concat(new String[]{"month", month.minusMonths(1).toString()}, filterQuery)));
        model.put("next", page.link("events/month", concat(new String[]{"month", month.plusMonths(1).toString()}, filterQuery)));
        model.put("previousLabel", capitalise(page.format("format.month").format(month.minusMonths(1))));
        model.put("nextLabel", capitalise(page.format("format.month").format(month.plusMonths(1))));
        return widgets.render(page, "month", model, 200, PUBLIC);
    }

    /** {@code w/{site}/events/{eventId}?date=}: one event, at the instance on that date or the next one. */
    Response event(Page page) {
        String eventId = Routes.pathParam(page.request, "eventId");
        Event event = doorstep.events().calendar().event(page.calendar.id(), eventId);
        QueryParams params = Routes.queryParams(page.request);
        LocalDate date = params.date("date");
        params.throwIfInvalid();
        ZoneId zone = page.site().zone();
        LocalDate today = page.calendar.today();
        List<Occurrence> coming = doorstep.events().calendar()
                .queryAll(page.calendar.window(today, today.plusDays(SiteCalendar.MAX_DAYS)))
                .stream().filter(occurrence -> occurrence.event().id().equals(event.id())).toList();
        Occurrence shown = coming.stream()
                .filter(occurrence -> date != null && occurrence.time().start().withZoneSameInstant(zone).toLocalDate().equals(date))
                .findFirst()
                .orElse(coming.isEmpty() ? new Occurrence(event, event.time(), event.status(), event.time().start()) : coming.get(0));

        Map<String, Object> model = page.model(event.title());
        model.put("event", details(page, shown));
        List<String> later = coming.stream().filter(occurrence -> occurrence != shown).limit(5)
                .map(occurrence -> when(page, occurrence)).toList();
        model.put("moreDates", later);
        model.put("jsonLd", JsonLd.of(List.of(shown), zone, occurrence -> page.absolute(eventLink(page, occurrence))));
        return widgets.render(page, "event", model, 200, PUBLIC);
    }

    private Map<String, Object> details(Page page, Occurrence occurrence) {
        Event event = occurrence.event();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", event.title());
        view.put("language", event.language());
        view.put("when", when(page, occurrence));
        view.put("cancelled", occurrence.status() == EventStatus.CANCELLED);
        String place = place(event.location());
        view.put("place", place);
        view.put("mapLink", place == null ? null : "https://www.openstreetmap.org/search?query=" + Page.encode(place));
        view.put("onlineLink", webLink(event.onlineLink()));
        view.put("accessibility", event.accessibility());
        view.put("cost", event.cost());
        view.put("bookingLink", webLink(event.bookingLink()));
        view.put("description", event.description());
        view.put("organisation", event.organisationId() == null ? null
                : doorstep.sites().findOrganisation(page.calendar.id(), event.organisationId()).map(Organisation::name).orElse(null));
        view.put("repeats", event.recurrence().repeats());
        view.put("ics", page.mountPath + WebRoutes.SITES + Page.segment(page.calendar.id()) + "/events/"
                + Page.segment(event.id()) + ".ics");
        view.put("google", googleLink(occurrence, place));
        return view;
    }

    /** One line of the list: time, title, place, and whether it is off. */
    private Map<String, Object> summary(Page page, Occurrence occurrence) {
        Event event = occurrence.event();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("time", occurrence.time().allDay() ? page.t("events.allDay") : times(page, occurrence));
        view.put("title", event.title());
        view.put("language", event.language());
        view.put("href", eventLink(page, occurrence));
        view.put("place", place(event.location()));
        view.put("online", event.onlineLink() != null);
        view.put("cancelled", occurrence.status() == EventStatus.CANCELLED);
        return view;
    }

    private static String eventLink(Page page, Occurrence occurrence) {
        LocalDate day = occurrence.time().start().withZoneSameInstant(page.site().zone()).toLocalDate();
        return page.link("events/" + Page.segment(occurrence.event().id()), "date", day.toString());
    }

    private static String times(Page page, Occurrence occurrence) {
        ZoneId zone = page.site().zone();
        DateTimeFormatter time = page.format("format.time");
        ZonedDateTime start = occurrence.time().start().withZoneSameInstant(zone);
        ZonedDateTime end = occurrence.time().end().withZoneSameInstant(zone);
        if (!end.isAfter(start)) {
            return time.format(start);
        }
        if (!end.toLocalDate().equals(start.toLocalDate())) {
            return page.t("events.until", time.format(start), capitalise(page.format("format.day").format(end)) + " " + time.format(end));
        }
        return time.format(start) + "–" + time.format(end);
    }

    /** When, in full words of the resident's language. */
    static String when(Page page, Occurrence occurrence) {
        ZoneId zone = page.site().zone();
        DateTimeFormatter dayYear = page.format("format.dayYear");
        if (occurrence.time().allDay()) {
            LocalDate first = occurrence.time().start().toLocalDate();
            LocalDate last = occurrence.time().end().toLocalDate().minusDays(1);
            return last.isAfter(first)
                    ? page.dateRange(first, last, true)
                    : page.t("event.allDayOn", capitalise(dayYear.format(first)));
        }
        ZonedDateTime start = occurrence.time().start().withZoneSameInstant(zone);
        return capitalise(dayYear.format(start)) + ", " + times(page, occurrence);
    }

    static String place(Location location) {
        if (location == null) {
            return null;
        }
        StringJoiner place = new StringJoiner(", ");
        for (String part : new String[]{location.name(), location.address(), location.postcode()}) {
            if (part != null && !part.isBlank()) {
                place.add(part);
            }
        }
        return place.length() == 0 ? null : place.toString();
    }

    /** Only web addresses become links: a calendar's {@code javascript:} link stays out of an href. */
    static String webLink(java.net.URI uri) {
        if (uri == null || uri.getScheme() == null) {
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http") ? uri.toString() : null;
    }

    /** Google Calendar's event template: times in UTC, all-day events as dates with an exclusive end. */
    private static String googleLink(Occurrence occurrence, String place) {
        Event event = occurrence.event();
        String dates = occurrence.time().allDay()
                ? GOOGLE_DATE.format(occurrence.time().start().toLocalDate()) + "/" + GOOGLE_DATE.format(occurrence.time().end().toLocalDate())
                : GOOGLE_TIME.format(occurrence.time().start().withZoneSameInstant(ZoneOffset.UTC)) + "/"
                + GOOGLE_TIME.format(occurrence.time().end().withZoneSameInstant(ZoneOffset.UTC));
        String details = Objects.requireNonNullElse(event.description(), "");
        if (details.length() > MAX_LINK_DETAILS) {
            details = details.substring(0, MAX_LINK_DETAILS) + "…";
        }
        return "https://calendar.google.com/calendar/render?action=TEMPLATE&text=" + Page.encode(event.title())
                + "&dates=" + dates + "&details=" + Page.encode(details)
                + "&location=" + Page.encode(Objects.requireNonNullElse(place, ""));
    }

    /** The filters as name/value pairs for links. */
    private static String[] filterQuery(EventFilters filters) {
        List<String> pairs = new ArrayList<>();
        filters.tags().forEach(tag -> {
            pairs.add("tag");
            pairs.add(tag);
        });
        pairs.addAll(List.of("area", Objects.toString(filters.area(), ""), "org", Objects.toString(filters.organisation(), ""),
                "q", Objects.toString(filters.text(), "")));
        // empty values are left out of links
        for (int i = 1; i < pairs.size(); i += 2) {
            if (pairs.get(i).isEmpty()) {
                pairs.set(i, null);
            }
        }
        return pairs.toArray(new String[0]);
    }

    private Map<String, Object> filterForm(Page page, EventFilters filters) {
        String siteId = page.calendar.id();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("action", page.widgetPath("events"));
        List<String> tags = doorstep.events().calendar().queryAll(page.calendar.ahead(SiteCalendar.MAX_DAYS)).stream()
                .flatMap(occurrence -> occurrence.event().tags().stream()).distinct().sorted().toList();
        form.put("tags", Page.options(TagChoices.of(doorstep, page, tags),
                filters.tags().isEmpty() ? null : filters.tags().iterator().next()));
        form.put("areas", Page.options(doorstep.sites().areas(siteId).stream()
                .map((Area area) -> new String[]{area.id(), area.name()}).toList(), filters.area()));
        form.put("organisations", Page.options(doorstep.sites().organisations(siteId).stream()
                .map((Organisation organisation) -> new String[]{organisation.id(), organisation.name()}).toList(),
                filters.organisation()));
        form.put("q", filters.text());
        form.put("clear", page.link("events"));
        form.put("active", !filters.tags().isEmpty() || filters.area() != null || filters.organisation() != null
                || filters.text() != null);
        return form;
    }

    /** The feed with the same filters, to subscribe to ({@code webcal:}) or to download. */
    private static Map<String, Object> subscribeLinks(Page page, String[] filterQuery) {
        StringJoiner query = new StringJoiner("&");
        for (int i = 0; i + 1 < filterQuery.length; i += 2) {
            if (filterQuery[i + 1] != null) {
                query.add(filterQuery[i] + "=" + Page.encode(filterQuery[i + 1]));
            }
        }
        String path = page.mountPath + "feeds/" + Page.segment(page.calendar.id()) + "/events.ics"
                + (query.length() == 0 ? "" : "?" + query);
        String https = page.absolute(path);
        String webcal = "webcal" + https.substring(https.indexOf(':'));
        return Map.of("webcal", webcal, "https", https);
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** Day names start with a capital in English and Welsh alike ("Dydd Mawrth"), whatever the locale data says. */
    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
