package io.citykpi.gateway.ingest;

import io.citykpi.shared.event.CloudEvent;
import java.util.Set;

/**
 * Applies events of some types to a projection. Called inside the ingest transaction: whatever it
 * writes commits together with the consumed position, or not at all. Throw
 * {@link UnusableEventException} for an event that can never be applied (it goes to the dead-letter topic).
 */
public interface EventHandler {

    /** The ce_type values this handler applies. */
    Set<String> types();

    void apply(CloudEvent event);
}
