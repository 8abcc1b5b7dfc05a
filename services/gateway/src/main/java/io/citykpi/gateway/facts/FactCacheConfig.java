package io.citykpi.gateway.facts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many parsed facts the gateway keeps in memory (see {@link FactCache}). */
@ConfigMapping(prefix = "citykpi.kpi.fact-cache")
public interface FactCacheConfig {

    /**
     * Above this many facts in the active generation the cache is switched off and every query reads
     * its facts from the database. A fact takes about 2 KB of heap; 0 switches the cache off.
     */
    @WithDefault("100000")
    long maxFacts();
}
