package dev.lectern.server.worker;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.lectern.server.experiment.Experiment;
import dev.lectern.server.experiment.ExperimentQueue;
import dev.lectern.server.experiment.ExperimentRepository;
import dev.lectern.server.experiment.ExperimentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The experiment queue on db-scheduler, in the database every node shares (H2 file embedded, PostgreSQL with
 * workers): one code path whether the web server trains alone or thirty workers do.
 *
 * <p>A run is a one-time execution named by {@link RunTasks} with the run's id as its instance. Nothing is retried
 * behind the user's back: a failure removes the execution (the runner has already recorded why), an execution whose
 * node died is removed and its run marked INTERRUPTED, and a node takes a run only by moving its row from QUEUED to
 * RUNNING ({@link ExperimentRepository#markRunning}), so an execution handed out twice trains once. Runs are served
 * in turns across owners through the engine's priority: a run gets minus the number of its owner's runs already
 * waiting, so a student's first waiting run comes before another's twentieth.
 *
 * <p>Cancel is a flag on the run's row that the node training it reads every {@link #CANCEL_POLL}, as it may be
 * another machine; a queued run's execution is removed at once.
 */
public final class JobEngineQueue implements ExperimentQueue {

    private static final Logger LOG = LoggerFactory.getLogger(JobEngineQueue.class);

    /** How often a node reads the cancel flags of the runs it trains. */
    static final Duration CANCEL_POLL = Duration.ofMillis(400);

    private final SchedulerClient client;
    private final Scheduler scheduler;
    private final ExperimentRepository runs;
    private final Map<Long, AtomicBoolean> flags = new ConcurrentHashMap<>();
    private final ScheduledExecutorService cancelWatch;
    private volatile LongConsumer afterSubmit = id -> {};
    private final AtomicBoolean closed = new AtomicBoolean();

    private JobEngineQueue(SchedulerClient client, Scheduler scheduler, ExperimentRepository runs) {
        this.client = client;
        this.scheduler = scheduler;
        this.runs = runs;
        if (scheduler != null) {
            cancelWatch = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "lectern-cancel-watch");
                t.setDaemon(true);
                return t;
            });
            cancelWatch.scheduleWithFixedDelay(
                    this::readCancelFlags, CANCEL_POLL.toMillis(), CANCEL_POLL.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            cancelWatch = null;
        }
    }

    /**
     * Starts the queue on a node.
     *
     * @param dataSource the shared store
     * @param node this node's name, recorded as the engine's picker and on each run it takes
     * @param concurrency how many runs this node trains at once; 0 for a web node that only queues
     * @param tasks the task names this node can train ({@link RunTasks})
     * @param pollInterval how often the engine looks for due runs queued by another node
     * @param runs the runs' rows
     * @param worker trains one run
     * @param died told of each run whose node the engine found dead (run id, that node's name)
     * @param heartbeat how often this node tells the engine it still executes its runs; six misses make them dead
     * @return the started queue
     */
    public static JobEngineQueue start(
            DataSource dataSource,
            String node,
            int concurrency,
            Set<String> tasks,
            Duration pollInterval,
            ExperimentRepository runs,
            ExperimentQueue.Trainer worker,
            BiConsumer<Long, String> died,
            Duration heartbeat) {
        JobEngineQueue[] self = new JobEngineQueue[1];
        if (concurrency == 0) {
            SchedulerClient client =
                    SchedulerClient.Builder.create(dataSource).enablePriority().build();
            return new JobEngineQueue(client, null, runs);
        }
        List<com.github.kagkarlsson.scheduler.task.Task<?>> known = new ArrayList<>();
        for (String name : tasks) {
            OneTimeTask<Void> task = Tasks.oneTime(name)
                    .onFailure((complete, operations) -> operations.stop())
                    .onDeadExecution((complete, operations) -> {
                        operations.stop();
                        died.accept(
                                Long.parseLong(
                                        complete.getExecution().taskInstance.getId()),
                                complete.getExecution().pickedBy);
                    })
                    .execute((instance, context) -> self[0].train(Long.parseLong(instance.getId()), worker));
            known.add(task);
        }
        SchedulerBuilder builder = Scheduler.create(dataSource, known);
        // A node fetches no more runs than it has threads. The engine's default fetches three per thread and picks
        // them as threads come free, in the order they were fetched: a student's fifth run then went before another's
        // first one queued a moment later (a CI run of JobEngineQueueTest), and a busy worker would hold runs an idle
        // one could train. (PostgreSQL's lock-and-fetch would lock only what a node can start, but it locks runs of
        // plugins the node lacks before it knows it lacks them.)
        builder.pollUsingFetchAndLockOnExecute(0.5, 1.0);
        Scheduler scheduler = builder.schedulerName(new SchedulerName.Fixed(node))
                .threads(concurrency)
                .pollingInterval(pollInterval)
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(6)
                .enablePriority()
                .enableImmediateExecution()
                // Runs of plugins this node lacks wait for a node that has them, however long.
                .deleteUnresolvedAfter(Duration.ofDays(365 * 100))
                .shutdownMaxWait(Duration.ofSeconds(15))
                .build();
        self[0] = new JobEngineQueue(scheduler, scheduler, runs);
        scheduler.start();
        return self[0];
    }

    private void train(long id, ExperimentQueue.Trainer worker) {
        AtomicBoolean cancelled = flags.computeIfAbsent(id, k -> new AtomicBoolean());
        try {
            worker.run(id, cancelled);
        } catch (RuntimeException e) {
            // The runner records its own failures; the engine must not count one and retry it.
            LOG.error("experiment {} ended with an error the runner did not record", id, e);
        } finally {
            flags.remove(id);
        }
    }

    @Override
    public boolean submit(long experimentId, String owner) {
        Experiment run = runs.find(experimentId).orElse(null);
        if (run == null) {
            return false;
        }
        long ahead = owner == null ? 0 : Math.max(0, runs.countWithStatus(ExperimentStatus.QUEUED, owner) - 1);
        int priority = (int) -Math.min(ahead, Short.MAX_VALUE);
        TaskInstance<Void> instance =
                new TaskInstance<>(RunTasks.of(run), Long.toString(experimentId), () -> null, priority);
        if (client.scheduleIfNotExists(instance, Instant.now())) {
            afterSubmit.accept(experimentId);
        }
        return true;
    }

    /** Also does this after each run queued (tells the workers, on PostgreSQL). */
    void afterSubmit(LongConsumer action) {
        this.afterSubmit = action;
    }

    @Override
    public void cancel(long experimentId) {
        runs.requestCancel(experimentId);
        AtomicBoolean flag = flags.get(experimentId);
        if (flag != null) {
            flag.set(true);
        }
        runs.find(experimentId).ifPresent(run -> {
            try {
                client.cancel(TaskInstanceId.of(RunTasks.of(run), Long.toString(experimentId)));
            } catch (TaskInstanceException e) {
                // Training (the flag stops it), already gone, or picked by a node in the same moment (the engine
                // then finds nothing to remove): the row's cancel flag keeps any node from starting it.
            }
        });
    }

    /** Whether the engine holds a waiting or executing entry for a run. */
    public boolean queued(Experiment run) {
        return client.getScheduledExecution(TaskInstanceId.of(RunTasks.of(run), Long.toString(run.id())))
                .isPresent();
    }

    /** Looks for due runs now (told by another node that it queued one). */
    public void wake() {
        if (scheduler != null) {
            scheduler.triggerCheckForDueExecutions();
        }
    }

    private void readCancelFlags() {
        try {
            for (long id : runs.cancelRequested(flags.keySet())) {
                AtomicBoolean flag = flags.get(id);
                if (flag != null) {
                    flag.set(true);
                }
            }
        } catch (RuntimeException e) {
            // The database may be restarting; the next round reads them.
            LOG.debug("cancel flags not read: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        flags.values().forEach(flag -> flag.set(true));
        if (cancelWatch != null) {
            cancelWatch.shutdownNow();
        }
        if (scheduler != null) {
            scheduler.stop();
        }
    }
}
