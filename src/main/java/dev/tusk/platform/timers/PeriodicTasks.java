package dev.tusk.platform.timers;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one scheduler of Tusk's {@link PeriodicTask}s: at start (after the schema migrations) an
 * interval timer a task, not persistent (a task's next run is one interval after start). Tasks
 * run concurrently with each other; the container skips a task's run while its previous one is
 * still going.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Lock(LockType.READ)
public class PeriodicTasks {

    @Resource TimerService timers;
    @Inject @Any Instance<PeriodicTask> tasks;

    private final Map<String, ScheduledTask> byName = new ConcurrentHashMap<>();

    @PostConstruct
    void schedule() {
        for (PeriodicTask task : tasks) {
            ScheduledTask scheduled = new ScheduledTask(task);
            if (byName.putIfAbsent(task.name(), scheduled) != null) {
                throw new IllegalStateException("two periodic tasks named " + task.name());
            }
            timers.createIntervalTimer(task.firstRun().toMillis(), task.interval().toMillis(), new TimerConfig(task.name(), false));
        }
    }

    @Timeout
    void onTimer(Timer timer) {
        byName.get((String) timer.getInfo()).run();
    }
}
