package dev.tusk.platform.batch;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A job listener that checks a job's parameters before its first step, whoever launched it (the
 * console and the CLI do not pass through the REST API): a job with bad parameters ends FAILED at
 * once, its exit status saying what is wrong.
 */
@Named
@Dependent
public class BatchParametersCheck extends AbstractJobListener {

    @Inject JobContext job;
    @Inject BatchJobs jobs;

    @Override
    public void beforeJob() {
        Properties given = BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
        Map<String, String> parameters = new HashMap<>();
        if (given != null) {
            given.stringPropertyNames().forEach(n -> parameters.put(n, given.getProperty(n)));
        }
        try {
            jobs.definition(job.getJobName()).check(parameters);
        } catch (IllegalArgumentException e) {
            job.setExitStatus("INVALID PARAMETERS: " + e.getMessage());
            throw e;
        }
    }
}
