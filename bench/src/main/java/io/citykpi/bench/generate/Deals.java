package io.citykpi.bench.generate;

import static io.citykpi.bench.generate.Units.money;

import io.citykpi.shared.event.Topics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Investment-attraction deals (招商引资): signed, funds arriving in a few instalments (到位资金), started
 * and in production, sometimes amended (never below what has arrived) or terminated.
 */
final class Deals {

    /** Deals signed a working day across the city at scale 1. */
    static final double DEALS_PER_WORKING_DAY = 2;

    private static final String[] SECTORS = {"AUTOMOTIVE_PARTS", "TEXTILES", "NEW_MATERIALS", "NEW_ENERGY",
        "MEDICINE_AND_HEALTH", "AGRICULTURE_AND_FOOD", "EQUIPMENT", "CULTURE_AND_TOURISM", "OTHER"};
    private static final String[] ORIGINS = {"浙江省", "广东省", "江苏省", "北京市", "上海市", "山东省", "吉林省", "韩国"};

    private final Timeline t;
    private final EventPayloads p;
    private final double scale;
    private int numbered;

    Deals(Timeline t, EventPayloads p, double scale) {
        this.t = t;
        this.p = p;
        this.scale = scale;
    }

    void day(LocalDate day) {
        for (int i = t.onWorkingDays(day, DEALS_PER_WORKING_DAY * scale); i > 0; i--) {
            t.at(t.officeHours(day), () -> sign(day));
        }
    }

    private void sign(LocalDate signedOn) {
        Units.Unit unit = Units.any(t);
        Deal deal = new Deal(p.nextId(), unit);
        double x = t.random.nextDouble();
        deal.contract = money(x < 0.7 ? t.uniform(800, 9000) : x < 0.97 ? t.uniform(10000, 50000) : t.uniform(100000, 200000));
        String sector = t.pick(SECTORS);
        String origin = t.pick(ORIGINS);
        String name = "招商项目 " + unit.abbreviation() + "-" + (++numbered);
        BigDecimal contract = deal.contract;
        t.emit(Topics.INVESTMENT, true, () -> p.dealSigned(t.now(), deal.id, name, origin + "某企业", origin, unit.code(),
                sector, contract, unit.name() + "招商局", signedOn));
        LocalDate on = signedOn;
        for (int k = t.between(1, 4); k > 0; k--) {
            on = on.plusDays(t.between(20, 120));
            LocalDate arrivedOn = on;
            t.at(t.officeHours(arrivedOn), () -> arrive(deal, arrivedOn));
        }
        if (t.chance(0.08)) {
            LocalDate amended = signedOn.plusDays(t.between(30, 300));
            t.at(t.officeHours(amended), () -> amend(deal, amended));
        }
        if (t.chance(0.05)) {
            LocalDate ended = signedOn.plusDays(t.between(60, 300));
            t.at(t.officeHours(ended), () -> status(deal, "TERMINATED", ended));
        } else if (t.chance(0.7)) {
            LocalDate started = signedOn.plusDays(t.between(60, 200));
            t.at(t.officeHours(started), () -> status(deal, "STARTED", started));
            if (t.chance(0.5)) {
                LocalDate producing = started.plusDays(t.between(180, 500));
                t.at(t.officeHours(producing), () -> status(deal, "IN_PRODUCTION", producing));
            }
        }
    }

    private void arrive(Deal deal, LocalDate on) {
        BigDecimal left = deal.contract.subtract(deal.arrived);
        if (deal.status.equals("TERMINATED") || left.signum() <= 0) {
            return;
        }
        BigDecimal amount = money(deal.contract.doubleValue() * t.uniform(0.1, 0.35)).min(left);
        deal.arrived = deal.arrived.add(amount);
        BigDecimal total = deal.arrived;
        BigDecimal contract = deal.contract;
        String source = t.chance(0.9) ? "DOMESTIC" : "FOREIGN";
        t.emit(Topics.INVESTMENT, true, () -> p.fundsArrived(t.now(), deal.id, deal.unit.code(), amount, source, total,
                contract, on));
    }

    private void amend(Deal deal, LocalDate on) {
        if (deal.status.equals("TERMINATED")) {
            return;
        }
        BigDecimal previous = deal.contract;
        BigDecimal amount = money(previous.doubleValue() * t.uniform(0.8, 1.3)).max(deal.arrived);
        deal.contract = amount;
        t.emit(Topics.INVESTMENT, true, () -> p.contractAmended(t.now(), deal.id, deal.unit.code(), previous, amount, on));
    }

    private void status(Deal deal, String to, LocalDate on) {
        if (deal.status.equals("TERMINATED")) {
            return;
        }
        String from = deal.status;
        deal.status = to;
        t.emit(Topics.INVESTMENT, true, () -> p.dealStatusChanged(t.now(), deal.id, deal.unit.code(), from, to, on));
    }

    private static final class Deal {
        final UUID id;
        final Units.Unit unit;
        BigDecimal contract;
        BigDecimal arrived = BigDecimal.ZERO.setScale(2);
        String status = "SIGNED";

        Deal(UUID id, Units.Unit unit) {
            this.id = id;
            this.unit = unit;
        }
    }
}
