package io.citykpi.bench.generate;

import io.citykpi.shared.event.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Safety inspections on working days and the hazards they find: most are rectified (整改) by their
 * deadline and verified (验收销号); some are late and reported overdue by the service's job on the
 * first day past the deadline, some get a deadline extension, some fail verification and are
 * rectified again, and half of the major ones are listed for supervision (挂牌督办).
 */
final class Inspections {

    /** Inspections a working day across the city at scale 1. */
    static final double INSPECTIONS_PER_WORKING_DAY = 30;

    private static final String[] DOMAINS = {"ROAD_TRAFFIC", "GAS", "FIRE", "MINES", "CONSTRUCTION",
        "HAZARDOUS_CHEMICALS", "OTHER"};
    private static final double[] DOMAIN_SHARES = {0.12, 0.25, 0.28, 0.04, 0.16, 0.08, 0.07};
    private static final String[] PLACES = {"SCHOOL", "HOSPITAL", "SQUARE", "SCENIC_AREA", "WELFARE_CENTRE",
        "ENTERPRISE", "RESIDENTIAL", "CONSTRUCTION_SITE", "OTHER"};

    private final Timeline t;
    private final EventPayloads p;
    private final double scale;
    private long numbered;

    Inspections(Timeline t, EventPayloads p, double scale) {
        this.t = t;
        this.p = p;
        this.scale = scale;
    }

    void day(LocalDate day) {
        for (int i = t.onWorkingDays(day, INSPECTIONS_PER_WORKING_DAY * scale); i > 0; i--) {
            long n = ++numbered;
            t.at(Timeline.moment(day, LocalTime.of(16, 0)).plusSeconds(t.random.nextLong(5 * 3600)),
                    () -> inspect(day, n));
        }
    }

    private void inspect(LocalDate day, long n) {
        Units.Unit unit = Units.any(t);
        UUID inspectionId = p.nextId();
        String domain = t.pick(DOMAINS, DOMAIN_SHARES);
        String place = t.pick(PLACES);
        String placeName = unit.name() + "检查点 " + unit.abbreviation() + "-" + n;
        boolean experts = t.chance(0.4);
        double x = t.random.nextDouble();
        int found = x < 0.55 ? 0 : x < 0.88 ? 1 : x < 0.98 ? 2 : 3;
        // The inspection and its hazards are one transaction: one recording moment.
        t.emit(Topics.SAFETY_INSPECTION, true, () -> p.inspectionRecorded(t.now(), inspectionId, unit.code(), domain,
                place, placeName, experts, found, day));
        for (int h = 0; h < found; h++) {
            Hazard hazard = new Hazard(p.nextId(), unit, domain, t.chance(0.06) ? "MAJOR" : "GENERAL");
            hazard.deadline = day.plusDays(hazard.major() ? t.between(60, 120) : t.between(7, 45));
            LocalDate deadline = hazard.deadline;
            t.emit(Topics.SAFETY_INSPECTION, true, () -> p.hazardFound(t.now(), hazard.id, inspectionId, unit.code(),
                    domain, place, hazard.severity, description(domain, hazard.major()), deadline, day));
            plan(hazard, day);
        }
    }

    private void plan(Hazard h, LocalDate found) {
        if (h.major() && t.chance(0.5)) {
            LocalDate listed = found.plusDays(t.between(1, 7));
            t.at(t.officeHours(listed), () -> {
                h.listed = true;
                t.emit(Topics.SAFETY_INSPECTION, true, () -> p.hazardListed(t.now(), h.id, h.unit.code(), h.severity, listed));
            });
        }
        long days = ChronoUnit.DAYS.between(found, h.deadline);
        double x = t.random.nextDouble();
        if (x < 0.80) {
            rectify(h, found.plusDays(t.between(1, (int) Math.max(1, days))));
        } else if (x < 0.86 && days >= 5) {
            LocalDate requested = h.deadline.minusDays(t.between(2, 4));
            t.at(t.officeHours(requested), () -> requestExtension(h, requested));
            overdueUnlessRectified(h, h.deadline);
        } else if (x < 0.97) {
            overdueUnlessRectified(h, h.deadline);
            rectify(h, h.deadline.plusDays(t.between(1, 40)));
        } else {
            overdueUnlessRectified(h, h.deadline); // still open when history ends
        }
    }

    private void requestExtension(Hazard h, LocalDate on) {
        UUID extension = p.nextId();
        LocalDate current = h.deadline;
        LocalDate wanted = current.plusDays(t.between(15, 45));
        t.emit(Topics.SAFETY_INSPECTION, true, () -> p.extensionRequested(t.now(), h.id, extension, h.unit.code(),
                current, wanted, on));
        LocalDate decidedOn = on.plusDays(1);
        boolean approved = t.chance(0.85);
        t.at(t.officeHours(decidedOn), () -> {
            if (approved) {
                h.deadline = wanted;
            }
            t.emit(Topics.SAFETY_INSPECTION, true, () -> p.extensionDecided(t.now(), h.id, extension, h.unit.code(),
                    approved, current, approved ? wanted : current, decidedOn));
            LocalDate rectified = t.chance(0.85)
                    ? decidedOn.plusDays(t.between(1, (int) Math.max(1, ChronoUnit.DAYS.between(decidedOn, h.deadline))))
                    : h.deadline.plusDays(t.between(1, 20));
            overdueUnlessRectified(h, h.deadline);
            rectify(h, rectified);
        });
    }

    /** The service's job reports a hazard overdue once per deadline, just after midnight of the day after. */
    private void overdueUnlessRectified(Hazard h, LocalDate deadline) {
        Instant at = Timeline.moment(deadline.plusDays(1), LocalTime.of(0, 0)).plusSeconds(t.between(5, 120));
        t.at(at, () -> {
            if (!h.rectified && h.deadline.equals(deadline)) {
                t.emit(Topics.SAFETY_INSPECTION, true, () -> p.hazardOverdue(t.now(), h.id, h.unit.code(), h.domain,
                        h.severity, deadline, h.listed));
            }
        });
    }

    private void rectify(Hazard h, LocalDate on) {
        t.at(t.officeHours(on), () -> {
            if (h.rectified) {
                return;
            }
            h.rectified = true;
            LocalDate deadline = h.deadline;
            t.emit(Topics.SAFETY_INSPECTION, true, () -> p.hazardRectified(t.now(), h.id, h.unit.code(), h.severity,
                    deadline, on));
            LocalDate verified = on.plusDays(t.between(2, 10));
            t.at(t.officeHours(verified), () -> verify(h, verified));
        });
    }

    private void verify(Hazard h, LocalDate on) {
        boolean passed = t.chance(0.93);
        t.emit(Topics.SAFETY_INSPECTION, true, () -> p.hazardVerified(t.now(), h.id, h.unit.code(), h.severity, passed, on));
        if (!passed) {
            h.rectified = false;
            rectify(h, on.plusDays(t.between(3, 15)));
        }
    }

    private static String description(String domain, boolean major) {
        String what = switch (domain) {
            case "GAS" -> "燃气管道阀门锈蚀";
            case "FIRE" -> "消防通道堵塞、灭火器过期";
            case "ROAD_TRAFFIC" -> "道路安全设施缺失";
            case "CONSTRUCTION" -> "脚手架连墙件不足";
            case "HAZARDOUS_CHEMICALS" -> "危化品储存超量";
            case "MINES" -> "井下通风设施不完善";
            default -> "安全管理制度不落实";
        };
        return major ? what + "(重大隐患)" : what;
    }

    private static final class Hazard {
        final UUID id;
        final Units.Unit unit;
        final String domain;
        final String severity;
        LocalDate deadline;
        boolean listed;
        boolean rectified;

        Hazard(UUID id, Units.Unit unit, String domain, String severity) {
            this.id = id;
            this.unit = unit;
            this.domain = domain;
            this.severity = severity;
        }

        boolean major() {
            return severity.equals("MAJOR");
        }
    }
}
