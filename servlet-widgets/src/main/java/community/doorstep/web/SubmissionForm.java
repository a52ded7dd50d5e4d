package community.doorstep.web;

import community.doorstep.FieldError;
import community.doorstep.InvalidInputException;
import community.doorstep.events.Event;
import community.doorstep.events.EventSubmission;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suggestion form's fields, checked all at once so a resident sees every mistake together (the record's own
 * checks stop at the first). Values go back into the form exactly as typed.
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
    static SubmissionForm read(FormBody body, LocalDate today, Set<String> organisations) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(field -> values.put(field, body.raw(field)));
        SubmissionForm form = new SubmissionForm(values);
        form.check(body, today, organisations);
        return form;
    }

    /** The form filled in from a stored suggestion, for editing. */
    static Map<String, String> valuesOf(Event event, ZoneId zone) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", event.title());
        values.put("date", event.time().start().withZoneSameInstant(zone).toLocalDate().toString());
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

    private void check(FormBody body, LocalDate today, Set<String> organisations) {
        String title = body.get("title");
        require(title != null, "title", "required");
        require(title == null || title.length() <= 200, "title", "too-long");
        LocalDate date = null;
        String dateText = body.get("date");
        if (dateText == null) {
            require(false, "date", "required");
        } else {
            try {
                date = LocalDate.parse(dateText);
                require(!date.isBefore(today), "date", "past");
            } catch (DateTimeParseException e) {
                require(false, "date", "date");
            }
        }
        LocalTime start = time(body, "startTime");
        LocalTime end = time(body, "endTime");
        if (end != null) {
            require(start != null, "endTime", "needs-start");
            require(start == null || end.isAfter(start), "endTime", "after-start");
        }
        length(body, "place", 500);
        length(body, "description", 5000);
        length(body, "cost", 200);
        length(body, "accessibility", 2000);
        String organisation = body.get("organisation");
        require(organisation == null || organisations.contains(organisation), "organisation", "unknown");
        URI booking = null;
        String bookingText = body.get("bookingLink");
        if (bookingText != null) {
            try {
                booking = new URI(bookingText);
                String scheme = booking.getScheme() == null ? "" : booking.getScheme();
                require((scheme.equals("https") || scheme.equals("http")) && booking.getHost() != null, "bookingLink", "http");
            } catch (URISyntaxException e) {
                require(false, "bookingLink", "http");
            }
        }
        if (errors.isEmpty()) {
            try {
                submission = new EventSubmission(title, body.get("description"), date, start, end, body.get("place"),
                        organisation, body.get("cost"), body.get("accessibility"), booking);
            } catch (InvalidInputException e) {
                // anything core checks that the form did not (yet) is still reported against its field
                errors.addAll(e.errors());
            }
        }
    }

    private LocalTime time(FormBody body, String field) {
        String text = body.get(field);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            require(false, field, "time");
            return null;
        }
    }

    private void length(FormBody body, String field, int max) {
        String value = body.get(field);
        require(value == null || value.length() <= max, field, "too-long");
    }

    private void require(boolean condition, String field, String rule) {
        if (!condition && errors.stream().noneMatch(error -> error.field().equals(field))) {
            errors.add(new FieldError(field, rule, field + " broke the rule " + rule));
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
