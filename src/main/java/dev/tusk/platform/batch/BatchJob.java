package dev.tusk.platform.batch;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * A Jakarta Batch job operators may launch (its XML is {@code META-INF/batch-jobs/<name>.xml}).
 * Its parameters are checked before it starts from the REST API, and again by
 * {@link BatchParametersCheck} when it starts from the console or the CLI.
 */
public interface BatchJob {

    /** A parameter as operators see it. */
    record Parameter(String name, String description, String defaultValue) {
    }

    String name();

    String description();

    List<Parameter> parameters();

    /**
     * The job's parameters from what an operator gave, defaults filled in.
     *
     * @throws IllegalArgumentException saying which parameter is wrong and what it takes
     */
    Properties check(Map<String, String> given);

    /**
     * The items a step of the job reads, when the job can count them before it runs them (for the
     * operator's progress bar); empty by default. Counted once per execution and step.
     */
    default OptionalLong items(String step) {
        return OptionalLong.empty();
    }
}
