package io.citykpi.gateway.kpi;

final class KpiExamples {

    static final String REPORT = """
            {"year":2025,"asOf":"2025-12-31","kpis":[{"id":"projects.registered",\
            "name":{"zh":"重点项目在库数","en":"Key projects on the register"},"unit":"projects",\
            "aggregation":"COUNT","valueType":"STOCK","values":[\
            {"orgUnit":"220400","orgUnitName":"辽源市","value":208},\
            {"orgUnit":"220402","orgUnitName":"龙山区","value":45},\
            {"orgUnit":"220403","orgUnitName":"西安区","value":30},\
            {"orgUnit":"220421","orgUnitName":"东丰县","value":35},\
            {"orgUnit":"220422","orgUnitName":"东辽县","value":65},\
            {"orgUnit":"220471","orgUnitName":"辽源高新技术产业开发区","value":33}]}]}""";

    static final String BAD_YEAR = """
            {"type":"https://citykpi.io/problems/validation","title":"Request is not valid","status":400,\
            "detail":"year: must not be null","instance":"/api/v1/kpis",\
            "errors":[{"field":"year","rule":"NotNull","message":"must not be null"}]}""";

    private KpiExamples() {
    }
}
