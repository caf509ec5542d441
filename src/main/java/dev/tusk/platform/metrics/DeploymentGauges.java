package dev.tusk.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Gauges that leave with the deployment. WildFly's registry outlives a deployment and a gauge
 * only weakly holds what it reads: a redeployed Tusk would find the old gauges and report NaN.
 * Gauges are registered through the registry's plain method, the only kind WildFly's
 * application registry exports.
 */
public final class DeploymentGauges {
    private final MeterRegistry registry;
    private final List<String[]> registered = new ArrayList<>();

    public DeploymentGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers a gauge; {@code state} must be strongly held by the caller. */
    public <T> void gauge(String name, Tags tags, T state, ToDoubleFunction<T> value) {
        registry.gauge(name, tags, state, value);
        List<String> id = new ArrayList<>();
        id.add(name);
        tags.forEach(t -> {
            id.add(t.getKey());
            id.add(t.getValue());
        });
        registered.add(id.toArray(String[]::new));
    }

    /** Removes every gauge registered here; call it from {@code @PreDestroy}. */
    public void removeAll() {
        for (String[] id : registered) {
            List<Meter> meters = new ArrayList<>(registry.find(id[0]).tags(java.util.Arrays.copyOfRange(id, 1, id.length)).meters());
            meters.forEach(registry::remove);
        }
        registered.clear();
    }
}
