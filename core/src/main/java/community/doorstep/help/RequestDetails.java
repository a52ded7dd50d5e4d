package community.doorstep.help;

import community.doorstep.internal.Validator;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a resident asks for, as they wrote it. Everything but the name and contact is public once it is on the board.
 *
 * @param need           what is needed, e.g. "A lift to the GP on Tuesday"
 * @param details        more about it, or {@code null}
 * @param category       a category id of the site's board
 * @param area           the neighbourhood, never an exact address
 * @param neededBy       the last day it is of use
 * @param urgency        how soon
 * @param forSomeoneElse whether it is asked for someone else (a neighbour, a parent)
 * @param dietary        what food must be (halal, vegetarian, ready to eat), empty for other help
 * @param name           the first name they chose
 * @param contact        how to reach them, or {@code null}
 */
public record RequestDetails(String need, String details, String category, String area, LocalDate neededBy,
                             Urgency urgency, boolean forSomeoneElse, Set<Dietary> dietary, String name,
                             Contact contact) {
    public RequestDetails {
        Validator check = new Validator();
        need = check.text("need", need, OfferDetails.MAX_TITLE);
        details = check.optionalText("details", details, OfferDetails.MAX_DETAILS);
        category = check.slug("category", category);
        area = check.text("area", area, OfferDetails.MAX_AREA);
        check.required("neededBy", neededBy);
        check.date("neededBy", neededBy);
        urgency = urgency == null ? Urgency.WHEN_POSSIBLE : urgency;
        dietary = dietary == null || dietary.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(dietary));
        name = check.text("name", name, OfferDetails.MAX_NAME);
        check.done();
    }
}
