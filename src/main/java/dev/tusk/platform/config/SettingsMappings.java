package dev.tusk.platform.config;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedField;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Hands CDI the settings interfaces ({@code @ConfigMapping}) that beans inject. The archive
 * discovers annotated beans only and an interface is none, so SmallRye Config's extension would
 * never see them: every type an injected field names that is a mapping is added after discovery,
 * where SmallRye Config makes its bean.
 */
public class SettingsMappings implements Extension {
    private final Set<Class<?>> mappings = new LinkedHashSet<>();

    void collect(@Observes ProcessAnnotatedType<?> type) {
        for (AnnotatedField<?> field : type.getAnnotatedType().getFields()) {
            if (field.isAnnotationPresent(Inject.class) && field.getBaseType() instanceof Class<?> c
                    && c.isAnnotationPresent(ConfigMapping.class)) {
                mappings.add(c);
            }
        }
    }

    void add(@Observes AfterTypeDiscovery discovery) {
        mappings.forEach(m -> discovery.addAnnotatedType(m, SettingsMappings.class.getName() + ":" + m.getName()));
    }
}
