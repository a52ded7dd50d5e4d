package community.doorstep.schedule;

import community.doorstep.store.Stores;
import community.doorstep.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DueWorkTest {
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(START);
    private final List<String> done = new CopyOnWriteArrayList<>();
    private final AtomicInteger sweeps = new AtomicInteger();
    private Stores stores;
    private DueWork work;

    private DueWork dueWork(Stores on, Clock withClock) {
        stores = on;
        work = new DueWork(on, withClock);
        work.register(new DueTask.Once("remind", done::add));
        work.register(new DueTask.Every("sweep", Duration.ofMinutes(10), sweeps::incrementAndGet));
        return work;
    }

    @AfterEach
    void close() {
        if (work != null) {
            work.close();
        }
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void aTaskRunsWhenTheClockReachesItsTimeAndNotBefore() {
        DueWork due = dueWork(Stores.embedded(directory), clock);
        due.schedule("remind", "check-in-1", START.plusSeconds(45));

        due.runDueWork();
        assertThat(done).isEmpty();
        clock.advance(Duration.ofSeconds(44));
        due.runDueWork();
        assertThat(done).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        due.runDueWork();
        assertThat(done).containsExactly("check-in-1");
        due.runDueWork();
        assertThat(done).as("a one-time task runs once").containsExactly("check-in-1");
    }

    @Test
    void aRescheduledTaskRunsAtItsNewTimeOnlyAndACancelledOneNever() {
        DueWork due = dueWork(Stores.inMemory(), clock);
        due.schedule("remind", "moved", START.plusSeconds(60));
        due.schedule("remind", "moved", START.plusSeconds(600));
        due.schedule("remind", "cancelled", START.plusSeconds(60));
        due.cancel("remind", "cancelled");
        due.cancel("remind", "never-scheduled");

        clock.advance(Duration.ofSeconds(61));
        due.runDueWork();
        assertThat(done).isEmpty();
        clock.advance(Duration.ofSeconds(600));
        due.runDueWork();
        assertThat(done).containsExactly("moved");
    }

    @Test
    void aRecurringSweepRunsAtStartThenEveryInterval() {
        DueWork due = dueWork(Stores.inMemory(), clock);

        due.runDueWork();
        assertThat(sweeps).hasValue(1);
        clock.advance(Duration.ofMinutes(9));
        due.runDueWork();
        assertThat(sweeps).hasValue(1);
        clock.advance(Duration.ofMinutes(1));
        due.runDueWork();
        assertThat(sweeps).hasValue(2);
    }

    @Test
    void aTaskScheduledWithAChangeThatRollsBackIsNeverScheduled() {
        Stores embedded = Stores.embedded(directory);
        DueWork due = dueWork(embedded, clock);

        assertThatThrownBy(() -> embedded.inTransaction(() -> {
            due.scheduleWithChange("remind", "rolled-back", START);
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        embedded.inTransaction(() -> {
            due.scheduleWithChange("remind", "committed", START);
            return null;
        });

        assertThat(due.isScheduled("remind", "rolled-back")).isFalse();
        due.runDueWork();
        assertThat(done).containsExactly("committed");
    }

    @Test
    void startedDueWorkRunsATaskWithinASecondOfItsTime() throws InterruptedException {
        // a real clock here: the scheduler's own threads poll; nothing waits for the deadline but the scheduler
        DueWork due = dueWork(Stores.embedded(directory), Clock.systemUTC());
        due.start();
        Instant at = Instant.now().plusMillis(300);
        due.schedule("remind", "soon", at);

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (done.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Instant ran = Instant.now();
        assertThat(done).containsExactly("soon");
        assertThat(Duration.between(at, ran)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void healthSaysSoWhenDueWorkHasStopped() {
        DueWork due = dueWork(Stores.embedded(directory), clock);
        due.schedule("remind", "waiting", START.plusSeconds(5));
        assertThat(due.health().healthy()).isTrue();
        assertThat(due.health().running()).isFalse();

        clock.advance(DueWork.LATE.plusSeconds(6));
        DueWorkHealth stopped = due.health();
        assertThat(stopped.healthy()).isFalse();
        assertThat(stopped.overdue()).isEqualTo(1);
        assertThat(stopped.lateness(clock.instant())).isEqualTo(DueWork.LATE.plusSeconds(1));

        due.runDueWork();
        assertThat(due.health().healthy()).isTrue();
        assertThat(due.health().running()).isTrue();
    }

    @Test
    void aTaskLeftPickedByAKilledProcessIsTakenUpAgainByRunDueWorkAndHealthSaysSoMeanwhile() {
        Stores embedded = Stores.embedded(directory);
        DueWork due = dueWork(embedded, clock);
        // what a node killed mid-task leaves: the row picked, its heartbeat an hour old
        embedded.database().update("insert into " + DueWork.TABLE + " (task_name, task_instance, execution_time, picked,"
                        + " picked_by, last_heartbeat, version) values (?, ?, ?, ?, ?, ?, ?)", "remind", "orphan",
                java.sql.Timestamp.from(START.minusSeconds(3600)), true, "killed-node",
                java.sql.Timestamp.from(START.minusSeconds(3600)), 2L);

        assertThat(due.health().healthy()).as("a task whose node stopped is overdue").isFalse();
        due.runDueWork();
        // db-scheduler revives a dead execution for the wall clock's now, not Doorstep's: let this test's clock pass it
        clock.set(Instant.now().plusSeconds(60));
        due.runDueWork();

        assertThat(done).containsExactly("orphan");
        assertThat(due.health().healthy()).isTrue();
    }

    @Test
    void tasksAreRegisteredBeforeUseAndNamesAreUnique() {
        DueWork due = dueWork(Stores.inMemory(), clock);
        assertThatThrownBy(() -> due.register(new DueTask.Once("remind", done::add)))
                .isInstanceOf(IllegalArgumentException.class);
        due.schedule("remind", "x", START);
        assertThatThrownBy(() -> due.register(new DueTask.Once("late", done::add)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> due.schedule("unknown", "x", START)).isInstanceOf(IllegalArgumentException.class);
    }
}
