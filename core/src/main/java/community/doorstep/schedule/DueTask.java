package community.doorstep.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A kind of due work a feature owns: a deadline for one thing (a message to deliver, a feed to refresh, a
 * check-in to watch), or a sweep done every so often. Each runs on exactly one node at a time.
 */
public sealed interface DueTask permits DueTask.Once, DueTask.Every {
    /** The task's name in the due-work table; stable, since rows already scheduled carry it. */
    String name();

    /**
     * Work for one instance at the time it was scheduled for. Throwing asks for a retry later, with a growing
     * pause; the instance id is all the work is given, so it must name what to do.
     *
     * @param name the task's name
     * @param work given the instance id, e.g. a message id
     */
    record Once(String name, Consumer<String> work) implements DueTask {
        public Once {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(work, "work");
        }
    }

    /**
     * Work repeated with a pause between the end of one run and the start of the next.
     *
     * @param name     the task's name
     * @param interval the pause
     * @param work     the sweep
     */
    record Every(String name, Duration interval, Runnable work) implements DueTask {
        public Every {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(work, "work");
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("a recurring task needs a positive interval");
            }
        }
    }
}
