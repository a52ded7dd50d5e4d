package community.doorstep.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether due work is being done: a silent scheduler is the worst failure for check-ins, so pages and a health
 * endpoint show this.
 *
 * @param running    whether this node runs due work (started, or driven by the host through runDueWork)
 * @param overdue    how many tasks are past their time by more than {@link DueWork#LATE} and not taken by any node
 * @param oldestDue  when the most overdue of them was due, or {@code null} when none is
 */
public record DueWorkHealth(boolean running, long overdue, Instant oldestDue) {
    /** Nothing is waiting that some node should already have taken. */
    public boolean healthy() {
        return overdue == 0;
    }

    /** How late the most overdue task is at {@code now}; zero when none is. */
    public Duration lateness(Instant now) {
        return oldestDue == null ? Duration.ZERO : Duration.between(oldestDue, now);
    }
}
