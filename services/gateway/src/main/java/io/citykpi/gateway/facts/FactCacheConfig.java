package io.citykpi.gateway.facts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How many parsed facts the gateway keeps in memory (see {@link FactCache}). */
@ConfigMapping(prefix = "citykpi.kpi.fact-cache")
public interface FactCacheConfig {

    /**
     * Above this many facts in the active generation the cache is switched off and every query reads
     * its facts from the database. A fact takes about 1.5 KB of heap; 0 switches the cache off.
     */
    @WithDefault("100000")
    long maxFacts();

    /**
     * How long a replica answers from memory without asking the database for facts that other
     * replicas applied. Facts this replica applies are seen by its next query regardless.
     */
    @WithDefault("PT1S")
    Duration maxStaleness();
}
