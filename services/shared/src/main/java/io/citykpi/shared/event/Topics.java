package io.citykpi.shared.event;

/**
 * Topic and event-type naming. Topics are public API: {@code citykpi.<service>.v<major>}; a breaking
 * change to a payload means a new event type version, and a new topic only if the whole stream changes.
 */
public final class Topics {

    public static final String PROJECTS = "citykpi.projects.v1";
    public static final String INVESTMENT = "citykpi.investment.v1";
    public static final String LIVELIHOOD = "citykpi.livelihood.v1";
    public static final String SAFETY_INSPECTION = "citykpi.safety-inspection.v1";

    /** The gateway's own events: changes of KPI targets. */
    public static final String GATEWAY = "citykpi.gateway.v1";

    /** Records the gateway could not read, with the reason in the {@code dlq_reason} header. */
    public static final String DEAD_LETTER = "citykpi.gateway.dead-letter.v1";

    private Topics() {
    }

    public static String domainTopic(String service) {
        return "citykpi." + service + ".v1";
    }

    public static String source(String service) {
        return "/citykpi/" + service;
    }

    /** {@code eventType("projects", "project-registered", 1)} → {@code citykpi.projects.project-registered.v1}. */
    public static String eventType(String service, String name, int version) {
        return "citykpi." + service + "." + name + ".v" + version;
    }
}
