package community.doorstep.events;

import community.doorstep.internal.Check;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;

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
        title = Check.text("title", title, 200);
        description = Check.optionalText("description", description, 5000);
        Check.required("date", date);
        Check.that(endTime == null || startTime != null, "endTime", "needs-start", "endTime needs a startTime");
        Check.that(endTime == null || endTime.isAfter(startTime), "endTime", "after-start", "endTime must be after startTime");
        place = Check.optionalText("place", place, 500);
        organisationId = organisationId == null ? null : Check.slug("organisationId", organisationId);
        cost = Check.optionalText("cost", cost, 200);
        accessibility = Check.optionalText("accessibility", accessibility, 2000);
        if (bookingLink != null) {
            String scheme = bookingLink.getScheme() == null ? "" : bookingLink.getScheme();
            Check.that(scheme.equals("https") || scheme.equals("http"), "bookingLink", "http",
                    "bookingLink must be an http:// or https:// address");
        }
    }
}
