package io.citykpi.shared.contract.safety;

import java.time.LocalDate;
import java.util.List;

/**
 * 逾期 (overdue), the one definition the safety service's overdue job, the gateway's KPIs and its alerts
 * share: the deadline in force has passed and the hazard is not rectified. The deadline in force is the
 * one of the last extension decision (an approved extension moves it; a rejected one keeps it), else
 * the one set when the hazard was found. On its deadline day a hazard is not yet overdue.
 */
public final class HazardDeadlines {

    private HazardDeadlines() {
    }

    public static boolean overdueOn(LocalDate deadlineInForce, boolean rectified, LocalDate day) {
        return !rectified && deadlineInForce.isBefore(day);
    }

    /** The first day on which an unrectified hazard is overdue. */
    public static LocalDate firstOverdueDay(LocalDate deadlineInForce) {
        return deadlineInForce.plusDays(1);
    }

    /** The deadline in force after the decisions so far (in the order they were taken). */
    public static LocalDate inForce(SafetyEvents.HazardFound found, List<SafetyEvents.DeadlineExtensionDecided> decisions) {
        return decisions.isEmpty() ? found.deadline() : decisions.get(decisions.size() - 1).deadline();
    }
}
