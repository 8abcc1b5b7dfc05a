package io.citykpi.gateway.facts;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Fills the fact cache in the background when the gateway starts, so that the first cockpit query
 * after a deployment does not wait for every fact to be read. Queries before it finishes simply wait
 * for the same read; a failure here only means the first query reads instead.
 */
@ApplicationScoped
public class FactCacheWarmer {

    private static final Logger LOG = Logger.getLogger(FactCacheWarmer.class);

    void onStart(@Observes StartupEvent event, FactCache cache, ProjectionGenerations generations) {
        CompletableFuture.runAsync(() -> cache.warm(generations.active()))
                .exceptionally(failure -> {
                    LOG.warnf("Fact cache not filled at start-up (%s); the first KPI query will read the facts", failure);
                    return null;
                });
    }
}
