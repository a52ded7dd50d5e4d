package community.doorstep.checkin;

import community.doorstep.internal.Validator;

import java.time.Duration;
import java.util.List;

/**
 * A set of responders in tiers who are alerted when a check-in is missed: a group's volunteers, or a person's friends.
 *
 * @param siteId         the site
 * @param id             stable id
 * @param name           what the coordinator calls it, e.g. "Reporting support"
 * @param responders     at least one in tier 1; the order is kept
 * @param escalateAfter  how long a tier has to acknowledge before the next tier is alerted (1 to 120 minutes)
 */
public record Circle(String siteId, String id, String name, List<Responder> responders, Duration escalateAfter) {
    public static final int MAX_RESPONDERS = 30;

    public Circle {
        Validator check = new Validator();
        name = check.text("name", name, 100);
        responders = responders == null ? List.of() : List.copyOf(responders);
        check.that(responders.stream().anyMatch(responder -> responder.tier() == 1), "responders", "tier-one",
                "responders must include at least one of tier 1");
        check.that(responders.size() <= MAX_RESPONDERS, "responders", "too-many",
                "responders must be at most " + MAX_RESPONDERS);
        check.required("escalateAfter", escalateAfter);
        check.that(escalateAfter == null || escalateAfter.compareTo(Duration.ofMinutes(1)) >= 0
                        && escalateAfter.compareTo(Duration.ofMinutes(120)) <= 0, "escalateAfter", "range",
                "escalateAfter must be between 1 and 120 minutes");
        check.done();
    }

    /** The highest tier that has someone in it. */
    public int lastTier() {
        return responders.stream().mapToInt(Responder::tier).max().orElse(1);
    }

    @Override
    public String toString() {
        return "Circle[" + siteId + "/" + id + ", " + responders.size() + " responders]";
    }
}
