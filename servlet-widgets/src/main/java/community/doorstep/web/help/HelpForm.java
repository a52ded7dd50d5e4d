package community.doorstep.web.help;

import community.doorstep.web.internal.TypedDates;
import community.doorstep.FieldError;
import community.doorstep.InvalidInputException;
import community.doorstep.help.ClaimDetails;
import community.doorstep.help.Contact;
import community.doorstep.help.Dietary;
import community.doorstep.help.Handover;
import community.doorstep.help.Helper;
import community.doorstep.help.HelpWindow;
import community.doorstep.help.OfferDetails;
import community.doorstep.help.RequestDetails;
import community.doorstep.help.Urgency;
import community.doorstep.web.internal.FormBody;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One of the help board's forms as sent: what the form itself must read (numbers, dates, times, choices), then core's
 * rules, so a resident sees every mistake together and gets back exactly what they typed.
 *
 * @param <T> what the form makes when nothing is wrong
 */
final class HelpForm<T> {
    /** Core names some fields differently from the forms. */
    static final Map<String, String> FORM_NAMES = Map.of("window", "windowStart", "window.date", "windowDate",
            "window.start", "windowStart", "window.end", "windowEnd", "expiresAt", "expiresDate",
            "contact.email", "email", "contact.phone", "phone", "contact", "email");
    static final List<String> OFFER_FIELDS = List.of("title", "details", "category", "area", "quantity", "repeats",
            "windowDate", "windowWeekday", "windowStart", "windowEnd", "expiresDate", "expiresTime", "allergens",
            "handover", "giverName", "email", "phone");
    static final List<String> REQUEST_FIELDS = List.of("need", "details", "category", "area", "neededBy", "urgency",
            "forSomeoneElse", "name", "email", "phone");
    static final List<String> CLAIM_FIELDS = List.of("quantity", "name", "email", "phone");
    static final List<String> ANSWER_FIELDS = List.of("name", "email", "phone", "message");

    final Map<String, String> values = new LinkedHashMap<>();
    final List<FieldError> errors = new ArrayList<>();
    /** Set when nothing is wrong. */
    T made;

    private final FormBody body;

    private HelpForm(FormBody body, List<String> fields) {
        this.body = body;
        fields.forEach(field -> values.put(field, body.raw(field)));
        for (Dietary fact : Dietary.values()) {
            if (body.get(dietaryField(fact)) != null) {
                values.put(dietaryField(fact), "on");
            }
        }
    }

    static String dietaryField(Dietary fact) {
        return "dietary-" + fact.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static HelpForm<OfferDetails> offer(FormBody body, ZoneId zone) {
        HelpForm<OfferDetails> form = new HelpForm<>(body, OFFER_FIELDS);
        Integer quantity = form.parsed("quantity", Integer::valueOf, "number");
        boolean weekly = "weekly".equals(body.get("repeats"));
        LocalDate date = weekly ? null : form.parsed("windowDate", TypedDates::date, "date");
        DayOfWeek weekday = weekly ? form.parsed("windowWeekday", DayOfWeek::valueOf, "unknown") : null;
        LocalTime start = form.parsed("windowStart", TypedDates::time, "time");
        LocalTime end = form.parsed("windowEnd", TypedDates::time, "time");
        LocalDate expiresDate = form.parsed("expiresDate", TypedDates::date, "date");
        LocalTime expiresTime = form.parsed("expiresTime", TypedDates::time, "time");
        Handover handover = form.parsed("handover", Handover::valueOf, "unknown");
        Contact contact = form.contact();
        HelpWindow window = form.attempt(() -> date == null && weekday == null || start == null || end == null ? null
                : new HelpWindow(date, weekday, start, end));
        if (window == null && form.errors.stream().noneMatch(e -> e.field().startsWith("window"))) {
            form.errors.add(new FieldError(weekly ? "windowWeekday" : "windowDate", "required", "a window is required"));
        }
        Instant expiresAt = expiresDate == null ? null
                : expiresDate.atTime(expiresTime == null ? LocalTime.of(23, 59) : expiresTime).atZone(zone).toInstant();
        form.made = form.attempt(() -> new OfferDetails(body.get("title"), body.get("details"), body.get("category"),
                body.get("area"), quantity == null ? 0 : quantity, window, expiresAt, form.dietary(), body.get("allergens"),
                handover, body.get("giverName"), contact));
        return form.finish();
    }

    static HelpForm<RequestDetails> request(FormBody body) {
        HelpForm<RequestDetails> form = new HelpForm<>(body, REQUEST_FIELDS);
        LocalDate neededBy = form.parsed("neededBy", TypedDates::date, "date");
        Urgency urgency = form.parsed("urgency", Urgency::valueOf, "unknown");
        Contact contact = form.contact();
        form.made = form.attempt(() -> new RequestDetails(body.get("need"), body.get("details"), body.get("category"),
                body.get("area"), neededBy, urgency, body.get("forSomeoneElse") != null, form.dietary(), body.get("name"),
                contact));
        return form.finish();
    }

    static HelpForm<ClaimDetails> claim(FormBody body) {
        HelpForm<ClaimDetails> form = new HelpForm<>(body, CLAIM_FIELDS);
        Integer quantity = form.parsed("quantity", Integer::valueOf, "number");
        Contact contact = form.contact();
        form.made = form.attempt(() -> new ClaimDetails(quantity == null ? 1 : quantity, body.get("name"), contact));
        return form.finish();
    }

    static HelpForm<Helper> answer(FormBody body) {
        HelpForm<Helper> form = new HelpForm<>(body, ANSWER_FIELDS);
        Contact contact = form.contact();
        form.made = form.attempt(() -> new Helper(body.get("name"), contact));
        return form.finish();
    }

    private HelpForm<T> finish() {
        if (!errors.isEmpty()) {
            made = null;
        }
        return this;
    }

    private Contact contact() {
        return attempt(() -> body.get("email") == null && body.get("phone") == null ? null
                : new Contact(body.get("email"), body.get("phone")));
    }

    private Set<Dietary> dietary() {
        Set<Dietary> facts = EnumSet.noneOf(Dietary.class);
        for (Dietary fact : Dietary.values()) {
            if (body.get(dietaryField(fact)) != null) {
                facts.add(fact);
            }
        }
        return facts;
    }

    private <V> V attempt(Supplier<V> make) {
        try {
            return make.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** The field read by {@code parse} (upper-cased for choices), or {@code null} when empty or unreadable. */
    private <V> V parsed(String field, Function<String, V> parse, String rule) {
        String text = body.get(field);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(rule.equals("unknown") ? text.toUpperCase(Locale.ROOT).replace('-', '_') : text);
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            errors.add(new FieldError(field, rule, field + " cannot be read"));
            return null;
        }
    }
}
