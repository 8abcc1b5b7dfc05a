package io.citykpi.gateway.alerts;

final class AlertExamples {

    static final String LIST = """
            {"year":2025,"asOf":"2025-06-30","counts":{"HIGH":2,"MEDIUM":1,"LOW":0},"alerts":[\
            {"rule":"HAZARD_OVERDUE","severity":"HIGH","orgUnit":"220421","orgUnitName":"东丰县","kpiId":null,\
            "record":{"kind":"hazard","id":"5b0e0f3a-1c1d-4d2e-9a51-0c8f1f2a3b4c","label":"MAJOR GAS"},\
            "message":"重大隐患逾期未整改, 整改期限 2025-05-31","value":null,"threshold":null,"date":"2025-05-31",\
            "link":"http://safety-inspection:8084/api/v1/hazards/5b0e0f3a-1c1d-4d2e-9a51-0c8f1f2a3b4c"},\
            {"rule":"SUSPECTED_UNIT_MISTAKE","severity":"HIGH","orgUnit":"220402","orgUnitName":"龙山区","kpiId":null,\
            "record":{"kind":"fixed-asset-investment","id":"220402/2025-05","label":"220402/2025-05"},\
            "message":"固定资产投资 2025-05 为 3.2 万元, 是上月 31000 万元的 1/9688: 是否把万元当作亿元(或反之)填报?",\
            "value":3.20,"threshold":31000.00,"date":"2025-05-31",\
            "link":"http://investment:8082/api/v1/fixed-asset-investment/220402?year=2025"},\
            {"rule":"KPI_BEHIND_TIME_PROGRESS","severity":"MEDIUM","orgUnit":"220471","orgUnitName":"辽源高新技术产业开发区",\
            "kpiId":"projects.investment-completed","record":null,"message":"重点项目完成投资 完成 41.2%, 欠时间进度 8.4 个百分点",\
            "value":41.20,"threshold":49.59,"date":"2025-06-30",\
            "link":"/api/v1/kpis/projects.investment-completed/explain?orgUnit=220471&period=2025&asOf=2025-06-30"}]}""";

    private AlertExamples() {
    }
}
