package io.citykpi.shared.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citykpi.shared.contract.safety.HazardDeadlines;
import io.citykpi.shared.contract.safety.PlaceType;
import io.citykpi.shared.contract.safety.SafetyDomain;
import io.citykpi.shared.contract.safety.SafetyEvents;
import io.citykpi.shared.contract.safety.Severity;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HazardDeadlinesTest {

    private static final LocalDate DEADLINE = LocalDate.of(2025, 5, 10);

    @Test
    void overdueFromTheDayAfterTheDeadlineUnlessRectified() {
        assertFalse(HazardDeadlines.overdueOn(DEADLINE, false, DEADLINE), "not on the deadline day itself");
        assertTrue(HazardDeadlines.overdueOn(DEADLINE, false, DEADLINE.plusDays(1)));
        assertFalse(HazardDeadlines.overdueOn(DEADLINE, true, DEADLINE.plusDays(30)), "rectified is never overdue");
        assertEquals(LocalDate.of(2025, 5, 11), HazardDeadlines.firstOverdueDay(DEADLINE));
    }

    @Test
    void theDeadlineInForceIsTheLastDecisionsElseTheOneSetWhenFound() {
        UUID hazard = UUID.randomUUID();
        SafetyEvents.HazardFound found = new SafetyEvents.HazardFound(hazard, null, "220421", SafetyDomain.GAS,
                PlaceType.SCHOOL, Severity.MAJOR, "阀门漏气", DEADLINE, DEADLINE.minusDays(30));
        assertEquals(DEADLINE, HazardDeadlines.inForce(found, List.of()));
        SafetyEvents.DeadlineExtensionDecided approved = new SafetyEvents.DeadlineExtensionDecided(hazard,
                UUID.randomUUID(), "220421", true, DEADLINE, DEADLINE.plusDays(20), null, DEADLINE.minusDays(2));
        SafetyEvents.DeadlineExtensionDecided rejected = new SafetyEvents.DeadlineExtensionDecided(hazard,
                UUID.randomUUID(), "220421", false, DEADLINE.plusDays(20), DEADLINE.plusDays(20), null, DEADLINE);
        assertEquals(DEADLINE.plusDays(20), HazardDeadlines.inForce(found, List.of(approved, rejected)));
    }
}
