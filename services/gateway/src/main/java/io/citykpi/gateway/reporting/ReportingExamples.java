package io.citykpi.gateway.reporting;

final class ReportingExamples {

    static final String STATUS = """
            {"year":2025,"asOf":"2025-07-15","units":[{"orgUnit":"220421","orgUnitName":"东丰县","due":30,"onTime":27,\
            "late":2,"missing":1,"pending":0,"onTimeRate":90.00}],"reports":[{"orgUnit":"220421",\
            "type":"FIXED_ASSET_INVESTMENT","typeName":"固定资产投资月报","month":"2025-05","dueOn":"2025-06-08",\
            "state":"LATE","submittedOn":"2025-06-11","recordedAt":"2025-06-11T01:30:00Z","daysLate":3},{"orgUnit":"220421","type":"EMPLOYMENT",\
            "typeName":"就业月报","month":"2025-06","dueOn":"2025-07-10","state":"MISSING","submittedOn":null,"recordedAt":null,"daysLate":5}]}""";

    private ReportingExamples() {
    }
}
