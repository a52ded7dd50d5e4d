package community.doorstep.help;

import community.doorstep.internal.Validator;

/**
 * A resident's claim on part of an offer, as they gave it.
 *
 * @param quantity how many units, at least 1
 * @param name     the first name (or any name) they chose, for the giver's round list
 * @param contact  how to reach them, or {@code null}: many residents have neither email nor a phone to spare
 */
public record ClaimDetails(int quantity, String name, Contact contact) {
    public ClaimDetails {
        Validator check = new Validator();
        check.that(quantity >= 1 && quantity <= OfferDetails.MAX_QUANTITY, "quantity", "range",
                "quantity must be between 1 and " + OfferDetails.MAX_QUANTITY + ", not " + quantity);
        name = check.text("name", name, OfferDetails.MAX_NAME);
        check.done();
    }
}
