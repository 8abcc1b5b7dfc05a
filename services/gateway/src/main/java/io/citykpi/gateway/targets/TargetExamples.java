package io.citykpi.gateway.targets;

final class TargetExamples {

    static final String PHASED = """
            {"value":100,"phasing":[{"period":"2025Q1","value":50},{"period":"2025Q2","value":100}],\
            "note":"高新区: 11个新建项目一季度开工率≥50%, 二季度全部开工"}""";

    static final String VIEW = """
            {"year":2025,"kpiId":"projects.start-rate","orgUnit":"220471","orgUnitName":"辽源高新技术产业开发区",\
            "value":100.00,"unit":"%","phasing":[{"period":"2025Q1","value":50},{"period":"2025Q2","value":100}],\
            "note":"高新区: 11个新建项目一季度开工率≥50%, 二季度全部开工","source":"EXPLICIT","version":0,\
            "updatedAt":"2025-01-20T09:30:00+08:00","updatedBy":"planning-office"}""";

    static final String BAD_PHASING = """
            {"type":"https://citykpi.io/problems/validation","title":"Request is not valid","status":400,\
            "detail":"phasing[1].value: must not be below an earlier checkpoint (50)","instance":"/api/v1/targets/2025/projects.start-rate/220471",\
            "errors":[{"field":"phasing[1].value","rule":"Cumulative","message":"must not be below an earlier checkpoint (50)"}]}""";

    private TargetExamples() {
    }
}
