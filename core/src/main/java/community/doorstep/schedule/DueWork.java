package community.doorstep.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import community.doorstep.internal.Jdbc;
import community.doorstep.store.Stores;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Due work on db-scheduler, in the table {@value #TABLE}. Each due task runs on exactly one node; a node that stops
 * sending heartbeats has its work taken over by the others. Polling and immediate execution are set so a task runs
 * within a second of its time; on PostgreSQL the nodes claim rows with {@code FOR UPDATE SKIP LOCKED}.
 *
 * <p>Time is Doorstep's {@link Clock}: a task is due when that clock says so, so tests move the clock instead of
 * waiting. Built and owned by {@link community.doorstep.Doorstep}.
 */
public final class DueWork implements AutoCloseable {
    /** The due-work table, migrated with Doorstep's other tables. */
    public static final String TABLE = "doorstep_scheduled_tasks";
    /** A task this much past its time and taken by no node means due work has stopped. */
    public static final Duration LATE = Duration.ofSeconds(30);
    private static final Duration POLLING = Duration.ofMillis(500);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final int MISSED_HEARTBEATS = 5;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final int MAX_RETRIES = 12;
    private static final int THREADS = 4;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final Stores stores;
    private final Clock clock;
    private final Map<String, OneTimeTask<Void>> once = new LinkedHashMap<>();
    private final List<RecurringTask<Void>> every = new ArrayList<>();
    // recurring tasks reach db-scheduler through startTasks, which adds them to the known ones
    private final List<Task<?>> oneTime = new ArrayList<>();
    private boolean frozen;
    private DataSource database;
    private Stores scratch;
    private Jdbc jdbc;
    private SchedulerClient client;
    // read without the lock by wake() and health(), which must never wait for running tasks
    private volatile Scheduler running;
    private volatile ManualScheduler manual;
    private SettableClock manualClock;
    /** Held while runDueWork() runs tasks: one caller at a time, and nothing else waits for it. */
    private final Object manualRun = new Object();

    /** Due work on the stores' database (for in-memory stores, a database of its own in memory). */
    public DueWork(Stores stores, Clock clock) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds a feature's task; every task is registered while Doorstep is built, before any is scheduled or run. */
    public synchronized void register(DueTask task) {
        if (frozen) {
            throw new IllegalStateException("due tasks are registered while Doorstep is built, not after use");
        }
        if (once.containsKey(task.name()) || every.stream().anyMatch(built -> built.getName().equals(task.name()))) {
            throw new IllegalArgumentException("a due task named " + task.name() + " is registered already");
        }
        if (task instanceof DueTask.Once one) {
            OneTimeTask<Void> built = Tasks.oneTime(one.name())
                    .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(MAX_RETRIES,
                            new FailureHandler.ExponentialBackoffFailureHandler<>(FIRST_RETRY, 2.0)))
                    .execute((instance, context) -> one.work().accept(instance.getId()));
            once.put(one.name(), built);
            oneTime.add(built);
        } else if (task instanceof DueTask.Every sweep) {
            RecurringTask<Void> built = Tasks.recurring(sweep.name(), FixedDelay.of(sweep.interval()))
                    .execute((instance, context) -> sweep.work().run());
            every.add(built);
        }
    }

    /** Runs due work on this node's threads until {@link #close()}. */
    public synchronized void start() {
        if (manual != null) {
            throw new IllegalStateException("due work is driven by runDueWork(); it cannot also be started");
        }
        if (running != null) {
            return;
        }
        var builder = Scheduler.create(database(), oneTime)
                .tableName(TABLE)
                .clock(clock::instant)
                .schedulerName(new SchedulerName.Fixed(nodeName()))
                .threads(THREADS)
                .pollingInterval(POLLING)
                .enableImmediateExecution()
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .failureLogging(LogLevel.WARN, false)
                // a task still running at close is left to another node, or to this one's next start
                .shutdownMaxWait(SHUTDOWN_WAIT)
                .startTasks(every);
        if (!jdbc.isH2()) {
            // PostgreSQL: one statement claims due rows with FOR UPDATE SKIP LOCKED, so nodes never wait on each other
            builder = builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        running = builder.build();
        running.start();
    }

    /**
     * Runs, on the calling thread, every task due by Doorstep's clock, then returns: for hosts that schedule their
     * own work (a cron job, a container's timer) instead of calling {@link #start()}.
     */
    public void runDueWork() {
        synchronized (manualRun) {
            ManualScheduler scheduler;
            synchronized (this) {
                if (running != null) {
                    throw new IllegalStateException("due work is running on its own threads; runDueWork() is for hosts that drive it");
                }
                if (manual == null) {
                    manualClock = new SettableClock();
                    manualClock.set(clock.instant());
                    ManualScheduler built = (ManualScheduler) TestHelper.createManualScheduler(database(), oneTime)
                            .clock(manualClock)
                            .startTasks(every)
                            .tableName(TABLE)
                            .build();
                    built.start();
                    manual = built;
                }
                scheduler = manual;
                manualClock.set(clock.instant());
            }
            // work a process killed mid-task left picked is taken up again, as a started scheduler's heartbeats do
            scheduler.runDeadExecutionDetection();
            scheduler.runAnyDueExecutions();
        }
    }

    /** Schedules the instance at the time, or moves it there if it is already scheduled. */
    public void schedule(String task, String instanceId, Instant at) {
        OneTimeTask<Void> kind = task(task);
        try {
            client().reschedule(TaskInstanceId.of(task, instanceId), at);
        } catch (TaskInstanceNotFoundException e) {
            client().scheduleIfNotExists(kind.instance(instanceId), at);
        }
        wake();
    }

    /** Schedules the instance at the time unless it is already scheduled; says whether it was scheduled now. */
    public boolean scheduleIfAbsent(String task, String instanceId, Instant at) {
        boolean scheduled = client().scheduleIfNotExists(task(task).instance(instanceId), at);
        wake();
        return scheduled;
    }

    /**
     * Schedules the instance as part of the change being written, so both commit or neither does: on a database,
     * the task's row is written in the current transaction; in memory, it is scheduled at once.
     */
    public void scheduleWithChange(String task, String instanceId, Instant at) {
        task(task);
        if (stores.memoryOnly()) {
            scheduleIfAbsent(task, instanceId, at);
            return;
        }
        stores.database().inTransaction(connection -> Jdbc.update(connection, "insert into " + TABLE
                        + " (task_name, task_instance, execution_time, picked, version) values (?, ?, ?, ?, ?)",
                task, instanceId, Timestamp.from(at), false, 1L));
        stores.afterCommit(this::wake);
    }

    /** Cancels the instance; cancelling what is not scheduled does nothing. */
    public void cancel(String task, String instanceId) {
        try {
            client().cancel(TaskInstanceId.of(task, instanceId));
        } catch (TaskInstanceNotFoundException e) {
            // already done, or never scheduled
        }
    }

    /** Whether the instance is scheduled (or running) now. */
    public boolean isScheduled(String task, String instanceId) {
        return client().getScheduledExecution(TaskInstanceId.of(task, instanceId)).isPresent();
    }

    /** Whether due work is being done: tasks long past their time that no node has taken mean it has stopped. */
    public DueWorkHealth health() {
        Timestamp late = Timestamp.from(clock.instant().minus(LATE));
        // waiting long past its time and taken by no node, or taken by a node whose heartbeat stopped long ago
        List<Object[]> found = jdbc().query("select count(*), min(execution_time) from " + TABLE
                        + " where (picked = ? and execution_time < ?) or (picked = ? and last_heartbeat < ?)",
                row -> new Object[]{row.getLong(1), row.getTimestamp(2)}, false, late, true, late);
        long overdue = (Long) found.get(0)[0];
        Timestamp oldest = (Timestamp) found.get(0)[1];
        return new DueWorkHealth(running != null || manual != null, overdue, oldest == null ? null : oldest.toInstant());
    }

    /** Stops this node's due work; what it was doing is finished or left for another node. */
    @Override
    public void close() {
        Scheduler stopping;
        synchronized (this) {
            stopping = running;
            running = null;
            manual = null;
        }
        // outside the lock: tasks finishing meanwhile may still schedule their next run
        if (stopping != null) {
            stopping.stop();
        }
        closeScratch();
    }

    private synchronized void closeScratch() {
        if (scratch != null) {
            scratch.close();
            scratch = null;
            database = null;
            jdbc = null;
            client = null;
        }
    }

    private OneTimeTask<Void> task(String name) {
        OneTimeTask<Void> task = once.get(name);
        if (task == null) {
            throw new IllegalArgumentException("no one-time task is registered as " + name);
        }
        return task;
    }

    /** Work scheduled for now starts at once rather than at the next poll. */
    private void wake() {
        Scheduler scheduler = running;
        if (scheduler != null) {
            scheduler.triggerCheckForDueExecutions();
        }
    }

    private synchronized SchedulerClient client() {
        if (client == null) {
            client = SchedulerClient.Builder.create(database(), oneTime).tableName(TABLE).build();
        }
        return client;
    }

    private synchronized Jdbc jdbc() {
        database();
        return jdbc;
    }

    /** The stores' database; for in-memory stores one of its own, made on first use so tests that never need it pay nothing. */
    private synchronized DataSource database() {
        frozen = true;
        if (database == null) {
            if (stores.memoryOnly()) {
                scratch = Stores.inMemoryDatabase("doorstep-due-" + UUID.randomUUID());
            }
            jdbc = (scratch != null ? scratch : stores).database();
            database = jdbc.dataSource();
        }
        return database;
    }

    /** Names this node in the table's picked_by column: host and process, so two JVMs on one machine differ. */
    private static String nodeName() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }
}
