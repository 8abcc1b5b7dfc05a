package io.citykpi.shared.metrics;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every series carries {@code service="<name>"}, so one dashboard and one rule file serve all five services. */
@Singleton
public class CommonTags {

    @Produces
    @Singleton
    MeterFilter serviceTag(@ConfigProperty(name = "quarkus.application.name") String application) {
        return MeterFilter.commonTags(List.of(Tag.of("service", application.replaceFirst("^citykpi-", ""))));
    }
}
