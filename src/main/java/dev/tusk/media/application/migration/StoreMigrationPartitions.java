package dev.tusk.media.application.migration;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;

/** {@code concurrency} partitions, each a disjoint slice of the hashes (by their first byte). */
@Named
@Dependent
public class StoreMigrationPartitions implements PartitionMapper {

    @Inject @BatchProperty String concurrency;

    @Override
    public PartitionPlan mapPartitions() {
        int n = Integer.parseInt(concurrency);
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(n);
        plan.setThreads(n);
        Properties[] properties = new Properties[n];
        for (int i = 0; i < n; i++) {
            properties[i] = new Properties();
            properties[i].setProperty("partition", Integer.toString(i));
            properties[i].setProperty("partitions", Integer.toString(n));
        }
        plan.setPartitionProperties(properties);
        return plan;
    }
}
