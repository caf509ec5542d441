package dev.tusk.platform.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Tusk's batch jobs through the deployment's {@link JobOperator} (its repository is PostgreSQL). */
@ApplicationScoped
public class BatchJobs {

    /** What an operator sees of a step: its status and Jakarta Batch's counts. */
    /** @param items what the step reads in all, when its job counts it first; else null */
    public record StepView(String name, String batchStatus, String exitStatus, Instant started, Instant ended,
            Map<String, Long> metrics, Long items) {
    }

    /** What an operator sees of an execution. */
    public record ExecutionView(long id, String job, String batchStatus, String exitStatus, Instant created,
            Instant started, Instant ended, Map<String, String> parameters, List<StepView> steps, ExecutionProgress progress) {
    }

    private static final Pattern STEP = Pattern.compile("<step\\s");

    @Inject @Any Instance<BatchJob> definitions;

    private final Map<String, Integer> declaredSteps = new ConcurrentHashMap<>();
    private final Map<String, OptionalLong> itemsCounted = new ConcurrentHashMap<>();

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    public List<BatchJob> definitions() {
        return definitions.stream().sorted(Comparator.comparing(BatchJob::name)).toList();
    }

    /** @throws NoSuchElementException for a job Tusk does not have */
    public BatchJob definition(String name) {
        return definitions.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no batch job '" + name + "'"));
    }

    /** Checks the parameters, then starts the job; an execution with bad parameters never starts. */
    public ExecutionView start(String name, Map<String, String> parameters) {
        Properties checked = definition(name).check(parameters);
        return execution(operator().start(name, checked));
    }

    /** The job's executions, newest first. */
    public List<ExecutionView> executions(String name, int limit) {
        definition(name);
        List<ExecutionView> views = new ArrayList<>();
        try {
            for (JobInstance instance : operator().getJobInstances(name, 0, limit)) {
                for (JobExecution e : operator().getJobExecutions(instance)) {
                    views.add(view(e));
                }
            }
        } catch (NoSuchJobException e) {
            return List.of();
        }
        return views.stream().sorted(Comparator.comparingLong(ExecutionView::id).reversed()).limit(limit).toList();
    }

    public ExecutionView execution(long id) {
        return view(operator().getJobExecution(id));
    }

    public void stop(long id) {
        operator().stop(id);
    }

    /**
     * Restarts a stopped or failed execution from its last checkpoint with its own parameters.
     * {@code force} also restarts one that a crash left marked as running (JBeret's restart mode).
     */
    public ExecutionView restart(long id, boolean force) {
        Properties parameters = new Properties();
        Properties original = operator().getParameters(id);
        if (original != null) {
            parameters.putAll(original);
        }
        if (force) {
            parameters.setProperty("jberet.restart.mode", "force");
        }
        return execution(operator().restart(id, parameters));
    }

    private ExecutionView view(JobExecution e) {
        List<StepView> steps = new ArrayList<>();
        for (StepExecution s : operator().getStepExecutions(e.getExecutionId())) {
            Map<String, Long> metrics = new TreeMap<>();
            Map<Metric.MetricType, Long> byType = new EnumMap<>(Metric.MetricType.class);
            for (Metric m : s.getMetrics()) {
                byType.put(m.getType(), m.getValue());
            }
            byType.forEach((type, value) -> metrics.put(metricName(type), value));
            steps.add(new StepView(s.getStepName(), String.valueOf(s.getBatchStatus()), s.getExitStatus(),
                    instant(s.getStartTime()), instant(s.getEndTime()), metrics, items(e, s.getStepName())));
        }
        Map<String, String> parameters = new TreeMap<>();
        Properties p = e.getJobParameters();
        if (p != null) {
            p.stringPropertyNames().forEach(n -> parameters.put(n, p.getProperty(n)));
        }
        String status = String.valueOf(e.getBatchStatus());
        Instant started = instant(e.getStartTime());
        Instant ended = instant(e.getEndTime());
        return new ExecutionView(e.getExecutionId(), e.getJobName(), status, e.getExitStatus(), instant(e.getCreateTime()), started, ended,
                parameters, steps, ExecutionProgress.of(status, declaredSteps(e.getJobName()), steps, started, ended, Instant.now()));
    }

    /** READ_COUNT -> readCount. */
    /** What the step reads in all, counted by its job once per execution and step (null: it cannot count). */
    private Long items(JobExecution e, String step) {
        OptionalLong items = itemsCounted.computeIfAbsent(e.getExecutionId() + "/" + step, k -> definitions.stream()
                .filter(d -> d.name().equals(e.getJobName())).findFirst().map(d -> d.items(step)).orElse(OptionalLong.empty()));
        return items.isPresent() ? items.getAsLong() : null;
    }

    /** The steps a job's XML declares (META-INF/batch-jobs/NAME.xml), counted once. */
    private int declaredSteps(String job) {
        return declaredSteps.computeIfAbsent(job, name -> {
            try (InputStream xml = BatchJobs.class.getClassLoader().getResourceAsStream("META-INF/batch-jobs/" + name + ".xml")) {
                if (xml == null) {
                    return 0;
                }
                return (int) STEP.matcher(new String(xml.readAllBytes(), StandardCharsets.UTF_8)).results().count();
            } catch (IOException e) {
                return 0;
            }
        });
    }

    private static String metricName(Metric.MetricType type) {
        String[] words = type.name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
