package community.doorstep.help;

import community.doorstep.internal.Validator;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a giver offers, as they wrote it. Everything but the contact is public once the offer is on the board.
 *
 * @param title     what is offered, e.g. "Hot meals"
 * @param details   more about it, or {@code null}
 * @param category  a category id of the site's board
 * @param area      the neighbourhood (never an exact address: it is public)
 * @param quantity  how many units, 1 to {@value #MAX_QUANTITY}
 * @param window    when it can be collected or delivered
 * @param expiresAt when the offer ends, whatever is left (surplus food is gone tonight); mandatory
 * @param dietary   facts about food, empty for other help
 * @param allergens allergens to know of, or {@code null}
 * @param handover  collection, delivery or either
 * @param giverName the name residents see, e.g. "Taphouse kitchen"
 * @param contact   how the coordinator and Doorstep's notifications reach the giver; never shown to claimants
 *                  unless the giver agrees
 */
public record OfferDetails(String title, String details, String category, String area, int quantity,
                           HelpWindow window, Instant expiresAt, Set<Dietary> dietary, String allergens,
                           Handover handover, String giverName, Contact contact) {
    public static final int MAX_QUANTITY = 500;
    public static final int MAX_TITLE = 120;
    public static final int MAX_DETAILS = 1000;
    public static final int MAX_AREA = 80;
    public static final int MAX_NAME = 80;

    public OfferDetails {
        Validator check = new Validator();
        title = check.text("title", title, MAX_TITLE);
        details = check.optionalText("details", details, MAX_DETAILS);
        category = check.slug("category", category);
        area = check.text("area", area, MAX_AREA);
        check.that(quantity >= 1 && quantity <= MAX_QUANTITY, "quantity", "range",
                "quantity must be between 1 and " + MAX_QUANTITY + ", not " + quantity);
        check.required("window", window);
        check.required("expiresAt", expiresAt);
        check.instant("expiresAt", expiresAt);
        dietary = dietary == null || dietary.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(dietary));
        allergens = check.optionalText("allergens", allergens, 200);
        handover = handover == null ? Handover.COLLECTION : handover;
        giverName = check.text("giverName", giverName, MAX_NAME);
        check.required("contact", contact);
        check.done();
    }
}
