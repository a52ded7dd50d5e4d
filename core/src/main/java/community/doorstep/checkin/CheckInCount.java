package community.doorstep.checkin;

import java.time.LocalDate;

/**
 * What is kept once check-ins are deleted: per site and week, how many ran, how many raised an alert, and the median
 * time from alert to acknowledgement. Nothing about anyone.
 *
 * @param siteId                  the site
 * @param week                    the Monday the week starts on, in the site's zone
 * @param checkIns                check-ins that ended that week
 * @param alertsRaised            of those, how many raised an alert
 * @param medianSecondsToAcknowledge the median time to acknowledge of those acknowledged, or -1 when none was
 */
public record CheckInCount(String siteId, LocalDate week, int checkIns, int alertsRaised, long medianSecondsToAcknowledge) {
}
