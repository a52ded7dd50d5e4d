package community.doorstep.help;

import java.time.LocalDate;

/**
 * The anonymised counts funders ask for, kept after personal details are deleted: per week, area and category.
 *
 * @param siteId            the site
 * @param week              the Monday the week starts on, in the site's zone
 * @param area              the neighbourhood
 * @param category          the category id
 * @param unitsGiven        units handed over (meals given, lifts given)
 * @param requestsCompleted requests completed
 */
public record HelpCount(String siteId, LocalDate week, String area, String category, int unitsGiven,
                        int requestsCompleted) {
}
