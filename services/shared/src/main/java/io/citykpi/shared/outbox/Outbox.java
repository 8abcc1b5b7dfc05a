package io.citykpi.shared.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.shared.contract.EventContract;
import io.citykpi.shared.event.Topics;
import io.citykpi.shared.security.Actor;
import io.citykpi.shared.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * Records an event in the same database transaction as the state change it describes. The relay
 * publishes it after commit; a rolled-back transaction takes its events with it.
 */
@ApplicationScoped
public class Outbox {

    /** MDC key of the CloudEvents id on log lines about an event (a field of its own in JSON logs). */
    public static final String CE_ID = "ce_id";
    /** First key of the per-record advisory locks (an arbitrary constant, the same in every replica). */
    private static final int KEY_LOCK_SPACE = 0x0C17;

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final OutboxConfig config;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxSignal signal;
    private final Callers callers;

    public Outbox(EntityManager em, ObjectMapper mapper, OutboxConfig config, Clock clock,
                  TransactionSynchronizationRegistry transactions, OutboxSignal signal, Callers callers) {
        this.em = em;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
        this.transactions = transactions;
        this.signal = signal;
        this.callers = callers;
    }

    /**
     * @param type    the event type, one of the contract's ({@code io.citykpi.shared.contract}) for this service
     * @param subject aggregate id: CloudEvents subject and Kafka record key
     * @param orgUnit organisation unit code the fact belongs to
     * @param payload the type's record in the contract, serialised with the application's ObjectMapper
     * @return the CloudEvents id; the event carries the request's caller as its actor
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String type, String subject, String orgUnit, Object payload) {
        Objects.requireNonNull(subject, "subject");
        checkContract(type, payload);
        UUID id = UUID.randomUUID();
        String json;
        try {
            json = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be serialised: " + e.getMessage(), e);
        }
        Actor actor = callers.actor();
        holdTheKeyUntilCommit(subject);
        em.createNativeQuery("""
                insert into outbox_event (event_id, topic, record_key, event_type, event_source, subject,
                                          org_unit, recorded_at, payload, actor_name, actor_id)
                values (:id, :topic, :key, :type, :source, :subject, :orgUnit, :recordedAt, :payload,
                        :actorName, :actorId)""")
                .setParameter("id", id)
                .setParameter("topic", Topics.domainTopic(config.service()))
                .setParameter("key", subject)
                .setParameter("type", type)
                .setParameter("source", Topics.source(config.service()))
                .setParameter("subject", subject)
                .setParameter("orgUnit", orgUnit)
                .setParameter("recordedAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .setParameter("payload", json)
                .setParameter("actorName", actor.name())
                .setParameter("actorId", actor.id())
                .executeUpdate();
        // Log lines written while this transaction lasts are about this event.
        MDC.put(CE_ID, id.toString());
        wakeRelayAfterCommit();
        return id;
    }

    /**
     * The relay publishes rows in id order, and ids are handed out when a row is inserted, not when its
     * transaction commits. Two transactions writing events of the same record (the same Kafka key) could
     * otherwise commit in the other order than they inserted, or the relay could publish the later row
     * while the earlier one is still uncommitted and invisible to it, and a consumer would see a month's
     * correction before its first report. Holding a lock on the key from the insert to the commit makes
     * the second writer wait for the first to finish, so for one key insert order is commit order, and
     * id order is the order a subscriber must see. Different keys do not wait for each other.
     * (Transaction-scoped advisory lock in the two-integer key space, apart from the relay's bigint one.)
     */
    private void holdTheKeyUntilCommit(String subject) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(:space, hashtext(:key))) as held")
                .setParameter("space", KEY_LOCK_SPACE)
                .setParameter("key", Topics.domainTopic(config.service()) + "/" + subject)
                .getSingleResult();
    }

    /** A service publishes only its own types, each with the payload record the contract names for it. */
    private void checkContract(String type, Object payload) {
        if (!EventContract.knows(type) || !EventContract.source(type).equals(Topics.source(config.service()))) {
            throw new IllegalArgumentException(type + " is not an event type of " + config.service() + " in the contract");
        }
        EventContract.payloadType(type).ifPresent(expected -> {
            if (!expected.isInstance(payload)) {
                throw new IllegalArgumentException(type + " carries " + expected.getSimpleName() + ", not "
                        + payload.getClass().getSimpleName());
            }
        });
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(OutboxSignal.class) != null) {
            return;
        }
        transactions.putResource(OutboxSignal.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                MDC.remove(CE_ID);
                if (status == Status.STATUS_COMMITTED) {
                    signal.wake();
                }
            }
        });
    }
}
