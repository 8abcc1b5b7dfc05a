package io.citykpi.bench.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Liaoyuan's six organisation units with the relative size of their activity (shares of hotline
 * cases, inspections, projects and deals) and the scale of their monthly reports, after the demo's
 * synthetic year (demo/data/liaoyuan-2025/synthetic.json). The city itself handles a few cases and
 * inspections of its own bureaus; the five others also owe the monthly reports.
 */
final class Units {

    record Unit(String code, String abbreviation, String name, double share, double satisfaction,
                double faiMonthly, double assistanceMonthly, int beneficiariesMonthly, int newJobsMonthly) {
    }

    static final Unit[] ALL = {
        new Unit("220400", "LY", "辽源市", 0.08, 0.90, 0, 0, 0, 0),
        new Unit("220402", "LS", "龙山区", 0.22, 0.91, 26000, 210, 1300, 260),
        new Unit("220403", "XA", "西安区", 0.17, 0.81, 15000, 150, 950, 180),
        new Unit("220421", "DF", "东丰县", 0.21, 0.93, 38750, 745, 1430, 300),
        new Unit("220422", "DL", "东辽县", 0.19, 0.88, 24000, 320, 1500, 220),
        new Unit("220471", "GX", "高新区", 0.13, 0.90, 14500, 60, 320, 150),
    };

    /** The units below the city: each owes the five monthly reports. */
    static final Unit[] REPORTING = java.util.Arrays.copyOfRange(ALL, 1, ALL.length);

    private static final double[] SHARES = java.util.Arrays.stream(ALL).mapToDouble(Unit::share).toArray();
    private static final double[] REPORTING_SHARES = java.util.Arrays.stream(REPORTING).mapToDouble(Unit::share).toArray();

    private Units() {
    }

    static Unit any(Timeline t) {
        return t.pick(ALL, SHARES);
    }

    static Unit reporting(Timeline t) {
        return t.pick(REPORTING, REPORTING_SHARES);
    }

    /** 万元 with two decimals, as the services store money. */
    static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
