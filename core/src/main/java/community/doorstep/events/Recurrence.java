package community.doorstep.events;

import community.doorstep.InvalidInputException;
import net.fortuna.ical4j.model.Recur;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * How a series repeats, in RFC 5545 terms.
 *
 * @param rules      RRULE values, e.g. {@code FREQ=WEEKLY;BYDAY=TU}
 * @param additions  RDATE starts, in the series' zone
 * @param exclusions EXDATE starts; an exclusion matches an instance starting at the same instant
 *                   (for all-day series, on the same date), whatever zone it was written in
 */
public record Recurrence(List<String> rules, List<ZonedDateTime> additions, List<ZonedDateTime> exclusions) {
    public static final Recurrence NONE = new Recurrence(List.of(), List.of(), List.of());

    public Recurrence {
        rules = List.copyOf(rules);
        additions = List.copyOf(additions);
        exclusions = List.copyOf(exclusions);
        for (String rule : rules) {
            try {
                new Recur<>(rule);
            } catch (RuntimeException e) {
                throw InvalidInputException.of("recurrence.rules", "rrule",
                        "recurrence rule \"" + rule + "\" is not a valid RFC 5545 RRULE: " + e.getMessage());
            }
        }
    }

    public boolean repeats() {
        return !rules.isEmpty() || !additions.isEmpty();
    }
}
