package io.citykpi.bench.generate;

import static io.citykpi.bench.generate.Timeline.endOfDay;
import static io.citykpi.bench.generate.Timeline.workingDaysAfter;

import io.citykpi.shared.event.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * 12345 hotline cases, the bulk of a city's events: received, accepted (响应), resolved (办结) and
 * followed up (回访), about 4–6 events each; an unsatisfied caller's case is sometimes sent back
 * (发回重办) and resolved again, and the third time it is escalated. Time limits as the livelihood
 * service computes them (working days after receipt, due at the end of the last day).
 */
final class HotlineCases {

    /** Cases a day across the city at scale 1 (fewer at weekends). */
    static final double CASES_PER_DAY = 100;

    private static final String[] TYPES = {"EMERGENCY", "COMPLAINT", "ENQUIRY", "HELP_REQUEST", "SUGGESTION"};
    private static final double[] TYPE_SHARES = {0.03, 0.38, 0.27, 0.24, 0.08};
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Timeline t;
    private final EventPayloads p;
    private final double scale;
    private long numbered;

    HotlineCases(Timeline t, EventPayloads p, double scale) {
        this.t = t;
        this.p = p;
        this.scale = scale;
    }

    void day(LocalDate day) {
        int cases = t.poisson(CASES_PER_DAY * scale * (Timeline.workingDay(day) ? 1.1 : 0.75));
        for (int i = 0; i < cases; i++) {
            Instant received = Timeline.moment(day, LocalTime.of(7, 0)).plusSeconds(t.random.nextLong(15 * 3600));
            String number = "LY12345-" + DAY.format(day) + "-" + (++numbered);
            t.at(received.plusSeconds(t.between(30, 600)), () -> receive(number, received));
        }
    }

    private void receive(String number, Instant received) {
        Units.Unit unit = Units.any(t);
        String type = t.pick(TYPES, TYPE_SHARES);
        boolean proactive = t.chance(0.06);
        LocalDate day = EventPayloads.day(received);
        boolean emergency = type.equals("EMERGENCY");
        Instant responseDue = endOfDay(workingDaysAfter(day, emergency ? 0 : 1));
        int limit = switch (type) {
            case "EMERGENCY" -> 0;
            case "ENQUIRY", "HELP_REQUEST" -> 3;
            default -> 13;
        };
        Instant due = endOfDay(workingDaysAfter(day, limit));
        Case c = new Case(number, unit, type, responseDue, due);
        t.emit(Topics.LIVELIHOOD, true, () -> p.caseReceived(t.now(), number, unit.code(), type, proactive, received,
                responseDue, due));
        if (t.chance(0.015)) {
            return; // never accepted: counts against the response rate once its response is due
        }
        Instant accepted = t.chance(0.96) ? earlier(received.plusSeconds(t.between(600, 6 * 3600)), responseDue)
                : responseDue.plusSeconds(t.between(3600, 30 * 3600));
        t.at(recordedAfter(accepted), () -> accept(c, accepted));
    }

    private void accept(Case c, Instant accepted) {
        boolean onTime = !EventPayloads.day(accepted).isAfter(EventPayloads.day(c.responseDue));
        t.emit(Topics.LIVELIHOOD, true, () -> p.caseAccepted(t.now(), c.number, c.unit.code(), c.type, accepted, onTime));
        if (t.chance(0.02)) {
            return; // still being handled when history ends, or forgotten
        }
        scheduleResolution(c, accepted);
    }

    private void scheduleResolution(Case c, Instant from) {
        Instant resolved;
        if (t.chance(0.88) && c.due.isAfter(from.plusSeconds(3600))) {
            long window = Duration.between(from, c.due).getSeconds();
            resolved = from.plusSeconds(3600 + t.random.nextLong(Math.max(1, (long) (window * 0.9) - 3600)));
        } else {
            resolved = later(c.due, from).plusSeconds(t.between(3600, 5 * 24 * 3600));
        }
        t.at(recordedAfter(resolved), () -> resolve(c, resolved));
    }

    private void resolve(Case c, Instant resolved) {
        boolean solved = t.chance(0.9);
        boolean onTime = !EventPayloads.day(resolved).isAfter(EventPayloads.day(c.due));
        int reworks = c.reworks;
        t.emit(Topics.LIVELIHOOD, true, () -> p.caseResolved(t.now(), c.number, c.unit.code(), c.type, resolved, solved,
                onTime, reworks));
        if (c.reworks < 2 && t.chance(0.06)) { // the 12345 centre's review sends it back before any follow-up
            Instant sentBack = resolved.plusSeconds(t.between(2 * 3600, 24 * 3600));
            t.at(recordedAfter(sentBack), () -> sendBack(c, sentBack));
            return;
        }
        if (t.chance(0.04)) {
            return; // nobody reached for the follow-up
        }
        Instant feedbackAt = resolved.plusSeconds(t.between(4 * 3600, 72 * 3600));
        t.at(recordedAfter(feedbackAt), () -> feedback(c, feedbackAt));
    }

    private void feedback(Case c, Instant at) {
        double satisfied = c.unit.satisfaction() - (c.reworks > 0 ? 0.1 : 0);
        double x = t.random.nextDouble();
        String feedback = x < 0.05 ? "NO_ANSWER"
                : x < 0.05 + satisfied * 0.95 * 0.7 ? "SATISFIED"
                : x < 0.05 + satisfied * 0.95 ? "BASICALLY_SATISFIED" : "UNSATISFIED";
        t.emit(Topics.LIVELIHOOD, true, () -> p.caseFeedback(t.now(), c.number, c.unit.code(), c.type, feedback, at));
        if (feedback.equals("UNSATISFIED") && t.chance(0.85)) {
            Instant sentBack = at.plusSeconds(t.between(3600, 24 * 3600));
            t.at(recordedAfter(sentBack), () -> sendBack(c, sentBack));
        }
    }

    private void sendBack(Case c, Instant at) {
        c.reworks++;
        int reworks = c.reworks;
        t.emit(Topics.LIVELIHOOD, true, () -> p.caseSentBack(t.now(), c.number, c.unit.code(), c.type, reworks, at));
        if (reworks == 3) { // citykpi.hotline.escalate-after-reworks: in the same transaction
            t.emit(Topics.LIVELIHOOD, true, () -> p.caseEscalated(t.now(), c.number, c.unit.code(), c.type, reworks, at));
        }
        scheduleResolution(c, at.plusSeconds(t.between(3600, 4 * 24 * 3600)));
    }

    /** Staff key a step in shortly after it happened. */
    private Instant recordedAfter(Instant at) {
        return at.plusSeconds(t.between(20, 900));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static final class Case {
        final String number;
        final Units.Unit unit;
        final String type;
        final Instant responseDue;
        final Instant due;
        int reworks;

        Case(String number, Units.Unit unit, String type, Instant responseDue, Instant due) {
            this.number = number;
            this.unit = unit;
            this.type = type;
            this.responseDue = responseDue;
            this.due = due;
        }
    }
}
