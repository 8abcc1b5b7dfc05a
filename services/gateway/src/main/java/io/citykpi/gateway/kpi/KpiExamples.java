package io.citykpi.gateway.kpi;

/** Examples for the OpenAPI document, in the shapes the API really returns (Liaoyuan, mid-2025). */
final class KpiExamples {

    static final String VALUE = """
            {"id":"projects.start-rate","name":{"zh":"计划新开工项目开工率","en":"Start rate of projects planned to start this year"},\
            "unit":"%","orgUnit":"220471","orgUnitName":"辽源高新技术产业开发区","value":45.45,"numerator":5,"denominator":11,\
            "target":100.00,"targetSource":"EXPLICIT","completionRate":45.45,"timeProgress":50.00,"gapPoints":-4.55,\
            "gapText":"欠时间进度 4.6 个百分点","status":"ON_TRACK","rank":2,"rankOf":5,"previousYearValue":40.00,\
            "yoyChange":5.45,"yoyChangePercent":null,"contributingRecords":11,"lastEventAt":"2025-03-28T02:15:00Z"}""";

    static final String REPORT = """
            {"year":2025,"period":"2025Q1","periodStart":"2025-01-01","periodEnd":"2025-03-31","asOf":"2025-06-30",\
            "cutoff":"2025-03-31","knownAt":null,"orgUnit":"220471","orgUnitName":"辽源高新技术产业开发区","kpis":[""" + VALUE + "]}";

    static final String DETAIL = """
            {"definition":{"id":"projects.investment-completed","name":{"zh":"重点项目完成投资","en":"Investment completed by key projects"},\
            "domain":"projects","unit":"万元","aggregation":"SUM","valueType":"FLOW","direction":"HIGHER_IS_BETTER",\
            "progress":"CUMULATIVE","formula":"Σ monthly investment reported by key projects ...","numerator":"investment completed, 万元",\
            "sourceEventTypes":["citykpi.projects.project-investment-reported.v1"]},"period":"2025","asOf":"2025-06-30",\
            "cutoff":"2025-06-30","city":{"id":"projects.investment-completed","orgUnit":"220400","value":512300.00,\
            "target":1100000.00,"completionRate":46.57,"timeProgress":49.59,"gapPoints":-3.02,"status":"ON_TRACK"},\
            "units":[{"id":"projects.investment-completed","orgUnit":"220471","value":108400.00,"rank":1,"rankOf":5}],\
            "series":[{"month":"2025-01","value":61200.00,"yearToDate":61200.00},{"month":"2025-02","value":70100.00,"yearToDate":131300.00}]}""";

    static final String EXPLANATION = """
            {"definition":{"id":"livelihood.hotline-satisfaction-rate","formula":"Σ satisfied ... ÷ Σ valid feedback ... × 100"},\
            "orgUnit":"220421","orgUnitName":"东丰县","period":"2025-05","asOf":"2025-06-30","cutoff":"2025-05-31",\
            "value":90.00,"numerator":9,"denominator":10,"lastEventAt":"2025-05-30T08:12:00Z","contributions":[\
            {"orgUnit":"220421","recordKind":"hotline-case","recordId":"12345-20250503-0007","label":"12345-20250503-0007",\
            "numerator":1,"denominator":1,"link":"http://livelihood:8083/api/v1/hotline-cases/12345-20250503-0007",\
            "events":[{"eventId":"0b6f6c9e-2f55-4d7b-a1f4-3c1f6d2b9e01","type":"citykpi.livelihood.hotline-case-received.v1",\
            "source":"/citykpi/livelihood","effectiveDate":"2025-05-03","recordedAt":"2025-05-03T01:20:00Z"}]}]}""";

    static final String RANKING = """
            {"kpiId":"safety.hazards-overdue","name":{"zh":"逾期未整改隐患数","en":"Hazards overdue"},\
            "direction":"LOWER_IS_BETTER","rankedBy":"VALUE","period":"2025","asOf":"2025-06-30","cutoff":"2025-06-30",\
            "rankings":[\
            {"rank":1,"orgUnit":"220421","orgUnitName":"东丰县","value":0,"unit":"hazards","completionRate":null,"status":"ON_TRACK"},\
            {"rank":2,"orgUnit":"220402","orgUnitName":"龙山区","value":1,"unit":"hazards","completionRate":null,"status":"BEHIND"},\
            {"rank":2,"orgUnit":"220422","orgUnitName":"东辽县","value":1,"unit":"hazards","completionRate":null,"status":"BEHIND"}]}""";

    static final String SCORECARD = """
            {"orgUnit":"220421","orgUnitName":"东丰县","period":"2025","asOf":"2025-06-30","cutoff":"2025-06-30",\
            "statusCounts":{"AHEAD":6,"ON_TRACK":9,"BEHIND":3,"NO_TARGET":12,"NO_DATA":0},"kpis":[""" + VALUE + "]}";

    static final String BAD_PERIOD = """
            {"type":"https://citykpi.io/problems/validation","title":"Request is not valid","status":400,\
            "detail":"period must be a year (2025), a quarter (2025Q2) or a month (2025-05)","instance":"/api/v1/kpis",\
            "errors":[{"field":"period","rule":"Format","message":"must be a year (2025), a quarter (2025Q2) or a month (2025-05)"}]}""";

    static final String UNKNOWN_KPI = """
            {"type":"https://citykpi.io/problems/not-found","title":"Not found","status":404,\
            "detail":"KPI projects.unknown does not exist","instance":"/api/v1/kpis/projects.unknown"}""";

    private KpiExamples() {
    }
}
