package community.doorstep.events;

import community.doorstep.internal.Validator;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/**
 * A one-off event a resident suggests through the form, without an account. Times are wall-clock times in
 * the site's zone; an event without start time lasts the whole day.
 *
 * @param title         what it is
 * @param description   more words, plain text, or {@code null}
 * @param date          the day it happens
 * @param startTime     when it starts, or {@code null} for an all-day event
 * @param endTime       when it ends (same day), or {@code null}: an hour after the start
 * @param place         where, in words, or {@code null}
 * @param organisationId the group running it, or {@code null}
 * @param cost          what it costs in words, or {@code null}
 * @param accessibility access notes, or {@code null}
 * @param bookingLink   where to book, or {@code null}
 */
public record EventSubmission(String title, String description, LocalDate date, LocalTime startTime, LocalTime endTime,
                              String place, String organisationId, String cost, String accessibility, URI bookingLink) {
    public EventSubmission {
        Validator check = new Validator();
        title = check.text("title", title, 200);
        description = check.optionalText("description", description, 5000);
        check.date("date", check.required("date", date));
        check.that(endTime == null || startTime != null, "endTime", "needs-start", "endTime needs a startTime");
        check.that(endTime == null || startTime == null || endTime.isAfter(startTime), "endTime", "after-start",
                "endTime must be after startTime");
        place = check.optionalText("place", place, 500);
        organisationId = check.optionalSlug("organisationId", organisationId);
        cost = check.optionalText("cost", cost, 200);
        accessibility = check.optionalText("accessibility", accessibility, 2000);
        check.optionalLink("bookingLink", bookingLink, Set.of("http", "https"));
        check.done();
    }
}
