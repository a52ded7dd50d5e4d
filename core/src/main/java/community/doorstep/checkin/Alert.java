package community.doorstep.checkin;

import java.time.Duration;
import java.util.List;

/**
 * An alert as one responder's link shows it: only what the circle needs.
 *
 * @param nickname       the person's nickname
 * @param note           their note for the circle, or {@code null}
 * @param overdue        how long past the time they gave; zero for a call for help before it
 * @param onIt           the name of the responder who acknowledged, or {@code null}
 * @param alsoAlerted    the names of the other responders alerted so far
 * @param safe           whether it is over: the person is safe
 * @param mine           whether this responder is the one who acknowledged
 */
public record Alert(String nickname, String note, Duration overdue, String onIt, List<String> alsoAlerted, boolean safe,
                    boolean mine) {
    public Alert {
        alsoAlerted = List.copyOf(alsoAlerted);
    }

    @Override
    public String toString() {
        return "Alert[safe=" + safe + "]";
    }
}
