package community.doorstep.checkin;

import community.doorstep.internal.Validator;
import community.doorstep.notify.Address;

/**
 * One member of a circle: alerted when their tier's turn comes. A contact detail: {@link #toString()} shows neither the
 * name's owner's channel nor its target.
 *
 * @param name    how the others in the circle know them
 * @param channel where their alerts go (email, or a signed webhook)
 * @param tier    1 is alerted first; 2 if nobody of tier 1 has acknowledged in time; and so on, up to {@value #MAX_TIER}
 */
public record Responder(String name, Address channel, int tier) {
    public static final int MAX_TIER = 3;

    public Responder {
        Validator check = new Validator();
        name = check.text("name", name, 80);
        check.required("channel", channel);
        check.that(tier >= 1 && tier <= MAX_TIER, "tier", "range", "tier must be between 1 and " + MAX_TIER + ", not " + tier);
        check.done();
    }

    @Override
    public String toString() {
        return "Responder[tier=" + tier + "]";
    }
}
