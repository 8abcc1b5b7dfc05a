package io.citykpi.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.facts.MonthlyReports;
import io.citykpi.gateway.facts.Payload;
import io.citykpi.gateway.facts.UnusableEventException;
import io.citykpi.gateway.ledger.FactStore;
import io.citykpi.gateway.ledger.LedgerRules;
import io.citykpi.gateway.ledger.Rulebook;
import io.citykpi.shared.contract.ContractViolationException;
import io.citykpi.shared.contract.EventContract;
import io.citykpi.shared.event.CloudEvent;
import io.citykpi.shared.event.CloudEventKafkaBinding;
import io.citykpi.shared.event.InvalidCloudEventException;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Reads a consumed record before anything is written: a fact a KPI uses (its payload read exactly as
 * the ledger rules will read it), an event no KPI uses, or a record that cannot be used at all and
 * goes to the dead-letter topic with the reason. Deciding this up front keeps one bad record from
 * failing the transaction of a whole batch.
 */
@ApplicationScoped
public class EventReader {

    private static final Logger LOG = Logger.getLogger(EventReader.class);

    private final ObjectMapper mapper;
    private final Rulebook rulebook;
    private final OrgUnitRegistry orgUnits;
    private final MeterRegistry registry;
    private final Validator validator;
    private final Set<String> unknownTypesLogged = ConcurrentHashMap.newKeySet();

    public EventReader(ObjectMapper mapper, Rulebook rulebook, OrgUnitRegistry orgUnits, MeterRegistry registry,
                       Validator validator) {
        this.validator = validator;
        this.mapper = mapper;
        this.rulebook = rulebook;
        this.orgUnits = orgUnits;
        this.registry = registry;
    }

    /** What a record turned out to be. */
    public sealed interface Reading permits Usable, Unused, Unusable {
        ConsumerRecord<String, byte[]> record();
    }

    /** A fact for the ledger. */
    public record Usable(ConsumerRecord<String, byte[]> record, CloudEvent event, FactStore.Stored fact) implements Reading {
    }

    /** A well-formed event that no KPI uses: remembered as seen, so a redelivery is recognised. */
    public record Unused(ConsumerRecord<String, byte[]> record, CloudEvent event) implements Reading {
    }

    /** Cannot be used: parked on the dead-letter topic with the reason. */
    public record Unusable(ConsumerRecord<String, byte[]> record, String reason) implements Reading {
    }

    public Reading read(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = CloudEventKafkaBinding.fromRecord(record, mapper);
        } catch (InvalidCloudEventException e) {
            return new Unusable(record, e.getMessage());
        }
        Optional<LedgerRules> rules = rulebook.forType(event.type());
        if (rules.isEmpty()) {
            unknownType(record.topic(), event.type());
            return new Unused(record, event);
        }
        try {
            return new Usable(record, event, fact(event, rules.get()));
        } catch (UnusableEventException e) {
            return new Unusable(record, e.getMessage());
        }
    }

    private FactStore.Stored fact(CloudEvent event, LedgerRules rules) {
        if (!rules.source().equals(event.source())) {
            throw new UnusableEventException(event.type() + " must come from " + rules.source() + ", not " + event.source());
        }
        if (event.subject() == null || event.subject().isBlank()) {
            throw new UnusableEventException("missing header ce_subject (the record the event is about)");
        }
        JsonNode data = event.data();
        readAsContracted(event);
        String orgUnit = Optional.ofNullable(data.get("orgUnit")).map(JsonNode::asText).orElse(event.orgUnit());
        if (!orgUnits.exists(orgUnit)) {
            throw new UnusableEventException("unknown organisation unit " + orgUnit);
        }
        Fact fact = new Fact(event.id(), event.type(), event.source(), event.subject(), orgUnit,
                Payload.date(data, "effectiveDate"), event.time().withOffsetSameInstant(ZoneOffset.UTC), 0, data);
        Payload.inRange(fact.recordedAt().toLocalDate(), "ce_time");
        rules.check(fact);
        LocalDate reportMonth = null;
        LocalDate submittedOn = null;
        if (MonthlyReports.month(fact) != null) {
            reportMonth = MonthlyReports.month(fact).atDay(1);
            submittedOn = MonthlyReports.submittedOn(fact);
        }
        return new FactStore.Stored(fact, rules.replayKey(fact), reportMonth, submittedOn);
    }

    /**
     * The payload must be the record the contract names for its type, constraints included: a producer
     * that renamed or retyped a field is caught here, with the field named, instead of by a KPI that
     * reads nothing.
     */
    private void readAsContracted(CloudEvent event) {
        if (EventContract.payloadType(event.type()).isEmpty()) {
            return;
        }
        try {
            EventContract.read(event.type(), event.data(), validator);
        } catch (ContractViolationException e) {
            throw new UnusableEventException(e.getMessage());
        }
    }

    /** An event type no KPI uses: counted, and logged once per type so a new producer version is noticed. */
    private void unknownType(String topic, String type) {
        registry.counter("citykpi.gateway.events.unused", "topic", topic, "type", type).increment();
        if (unknownTypesLogged.add(type)) {
            LOG.infof("Events of type %s on %s are used by no KPI: remembered as seen, otherwise skipped "
                    + "(counted in citykpi_gateway_events_unused_total)", type, topic);
        }
    }
}
