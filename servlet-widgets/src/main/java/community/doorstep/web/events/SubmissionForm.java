package community.doorstep.web.events;

import community.doorstep.web.internal.TypedDates;
import community.doorstep.FieldError;
import community.doorstep.InvalidInputException;
import community.doorstep.events.Event;
import community.doorstep.events.EventSubmission;
import community.doorstep.web.internal.FormBody;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suggestion form's fields, read so that a resident sees every mistake together: what cannot be read as a
 * date, time or address, and every rule core finds broken. Values go back into the form exactly as typed.
 */
final class SubmissionForm {
    static final List<String> FIELDS = List.of("title", "date", "startTime", "endTime", "place", "description",
            "organisation", "cost", "accessibility", "bookingLink");
    /** Core names a few fields differently from the form. */
    static final Map<String, String> FORM_NAMES = Map.of("organisationId", "organisation");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Map<String, String> values;
    private final List<FieldError> errors = new ArrayList<>();
    private EventSubmission submission;

    private SubmissionForm(Map<String, String> values) {
        this.values = values;
    }

    /** The form as sent, checked; {@link #submission()} is set when nothing is wrong. */
    static SubmissionForm read(FormBody body) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(field -> values.put(field, body.raw(field)));
        SubmissionForm form = new SubmissionForm(values);
        form.check(body);
        return form;
    }

    /** The form filled in from a stored suggestion, for editing. */
    static Map<String, String> valuesOf(Event event, ZoneId zone) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", event.title());
        values.put("date", TypedDates.SHOWN.format(event.time().start().withZoneSameInstant(zone).toLocalDate()));
        values.put("startTime", event.time().allDay() ? "" : TIME.format(event.time().start().withZoneSameInstant(zone)));
        values.put("endTime", event.time().allDay() ? "" : TIME.format(event.time().end().withZoneSameInstant(zone)));
        values.put("place", event.location() == null || event.location().name() == null ? "" : event.location().name());
        values.put("description", event.description() == null ? "" : event.description());
        values.put("organisation", event.organisationId() == null ? "" : event.organisationId());
        values.put("cost", event.cost() == null ? "" : event.cost());
        values.put("accessibility", event.accessibility() == null ? "" : event.accessibility());
        values.put("bookingLink", event.bookingLink() == null ? "" : event.bookingLink().toString());
        return values;
    }

    /**
     * Only what the form must do itself: read text into dates, times and addresses. Every rule about the values
     * is core's, reported with the rest of core's errors.
     */
    private void check(FormBody body) {
        LocalDate date = parsed(body, "date", TypedDates::date, "date");
        LocalTime start = parsed(body, "startTime", TypedDates::time, "time");
        LocalTime end = parsed(body, "endTime", TypedDates::time, "time");
        URI booking = parsed(body, "bookingLink", URI::new, "http");
        try {
            submission = new EventSubmission(body.get("title"), body.get("description"), date, start, end,
                    body.get("place"), body.get("organisation"), body.get("cost"), body.get("accessibility"), booking);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
    }

    private interface Parser<T> {
        T parse(String text) throws Exception;
    }

    private <T> T parsed(FormBody body, String field, Parser<T> parser, String rule) {
        String text = body.get(field);
        if (text == null) {
            return null;
        }
        try {
            return parser.parse(text);
        } catch (Exception e) {
            errors.add(new FieldError(field, rule, field + " could not be read"));
            return null;
        }
    }

    Map<String, String> values() {
        return values;
    }

    List<FieldError> errors() {
        return errors;
    }

    /** The checked suggestion, or {@code null} when the form has mistakes. */
    EventSubmission submission() {
        return errors.isEmpty() ? submission : null;
    }
}
