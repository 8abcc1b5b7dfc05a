package io.citykpi.projects.project;

/** Examples shown in the OpenAPI document. */
public final class ProjectExamples {

    public static final String REGISTER_REQUEST = """
            {"code":"LY-2025-0001","name":"北方碳纤维无人机螺旋桨项目","orgUnit":"220402","sector":"NEW_MATERIALS",\
            "constructionType":"NEW","totalInvestment":32000.00,"leadUnit":"龙山区发展和改革局",\
            "location":"龙山区","registeredOn":"2025-02-10"}""";

    public static final String PROJECT = """
            {"id":"0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11","code":"LY-2025-0001","name":"北方碳纤维无人机螺旋桨项目",\
            "orgUnit":"220402","sector":"NEW_MATERIALS","constructionType":"NEW","totalInvestment":32000.00,\
            "sizeClass":"OVER_100M","stage":"PLANNED","leadUnit":"龙山区发展和改革局","location":"龙山区",\
            "registeredOn":"2025-02-10","recordedAt":"2025-02-10T09:30:00+08:00",\
            "updatedAt":"2025-02-10T09:30:00+08:00","version":0}""";

    public static final String DUPLICATE_PROBLEM = """
            {"type":"https://citykpi.io/problems/duplicate-code","title":"Conflict with the current state",\
            "status":409,"detail":"a project with code LY-2025-0001 is already registered",\
            "instance":"/api/v1/projects","context":{"code":"LY-2025-0001"}}""";

    public static final String UPDATE_REQUEST = """
            {"name":"北方碳纤维无人机螺旋桨项目（一期）","orgUnit":"220402","sector":"NEW_MATERIALS",\
            "constructionType":"NEW","totalInvestment":35000.00,"leadUnit":"龙山区发展和改革局","location":"龙山区",\
            "version":0}""";

    public static final String STALE_PROBLEM = """
            {"type":"https://citykpi.io/problems/stale-version","title":"Conflict with the current state","status":409,\
            "detail":"project LY-2025-0001 was changed since version 0 was read; read it again and reapply the edit",\
            "instance":"/api/v1/projects/0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11","context":{"currentVersion":1}}""";

    public static final String PAGE = """
            {"items":[""" + PROJECT + """
            ],"page":{"number":0,"size":20,"totalElements":1,"totalPages":1}}""";

    public static final String DETAIL = """
            {"project":""" + PROJECT + """
            ,"plans":[{"year":2025,"plannedInvestment":20900.00,"plannedStartMonth":"2025-03",\
            "plannedCompletionMonth":"2025-11","plannedProductionMonth":"2025-12","monthlyInvestment":null,\
            "updatedAt":"2025-02-11T10:00:00+08:00"}],\
            "stageHistory":[{"fromStage":null,"toStage":"PLANNED","effectiveDate":"2025-02-10","note":"entered the register",\
            "recordedAt":"2025-02-10T09:30:00+08:00"},{"fromStage":"PLANNED","toStage":"RESERVE",\
            "effectiveDate":"2025-02-20","note":null,"recordedAt":"2025-02-20T16:02:00+08:00"}],\
            "investmentReports":[{"month":"2025-04","amount":3200.00,"recordedAt":"2025-05-05T09:00:00+08:00",\
            "updatedAt":"2025-05-05T09:00:00+08:00"}],"cumulativeInvestment":3200.00}""";

    public static final String TRANSITION_REQUEST = """
            {"stage":"UNDER_CONSTRUCTION","effectiveDate":"2025-04-18","note":"施工许可证 2025-018"}""";

    public static final String ILLEGAL_TRANSITION_PROBLEM = """
            {"type":"https://citykpi.io/problems/illegal-stage-transition","title":"Conflict with the current state",\
            "status":409,"detail":"project LY-2025-0001 is PLANNED and cannot move to UNDER_CONSTRUCTION; allowed next: \
            [RESERVE, CANCELLED]","instance":"/api/v1/projects/0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11/stage-transitions",\
            "context":{"currentStage":"PLANNED","allowedNextStages":["RESERVE","CANCELLED"]}}""";

    public static final String DATE_BEFORE_PREVIOUS_PROBLEM = """
            {"type":"https://citykpi.io/problems/effective-date-before-previous-change",\
            "title":"Conflict with the current state","status":409,\
            "detail":"effectiveDate 2025-02-01 is before the project's previous stage change on 2025-02-20",\
            "context":{"previousEffectiveDate":"2025-02-20"}}""";

    public static final String PLAN_REQUEST = """
            {"plannedInvestment":20900.00,"plannedStartMonth":"2025-03","plannedCompletionMonth":"2025-11",\
            "plannedProductionMonth":"2025-12"}""";

    public static final String PLAN = """
            {"year":2025,"plannedInvestment":20900.00,"plannedStartMonth":"2025-03","plannedCompletionMonth":"2025-11",\
            "plannedProductionMonth":"2025-12","monthlyInvestment":null,"updatedAt":"2025-02-11T10:00:00+08:00"}""";

    public static final String PLAN_PROBLEM = """
            {"type":"https://citykpi.io/problems/validation","title":"Request is not valid","status":400,\
            "detail":"monthlyInvestment: adds up to 20000.00万元, not the planned 20900.00万元",\
            "errors":[{"field":"monthlyInvestment","rule":"SumEqualsPlannedInvestment",\
            "message":"adds up to 20000.00万元, not the planned 20900.00万元"}]}""";

    public static final String CANCELLED_PROBLEM = """
            {"type":"https://citykpi.io/problems/project-cancelled","title":"Conflict with the current state",\
            "status":409,"detail":"project LY-2025-0001 is cancelled; it reports no investment",\
            "context":{"currentStage":"CANCELLED"}}""";

    public static final String STAT_REQUEST = """
            {"registeredOn":"2025-03-05"}""";

    public static final String REPORT_REQUEST = """
            {"amount":3200.00}""";

    public static final String REPORT = """
            {"projectId":"0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11","month":"2025-04","amount":3200.00,\
            "previousAmount":null,"cumulativeAmount":3200.00,"totalInvestment":32000.00,"warnings":[]}""";

    public static final String CORRECTION = """
            {"projectId":"0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11","month":"2025-04","amount":33000.00,\
            "previousAmount":3200.00,"cumulativeAmount":33000.00,"totalInvestment":32000.00,"warnings":[\
            {"code":"CUMULATIVE_EXCEEDS_TOTAL_INVESTMENT",\
            "message":"cumulative investment 33000.00万元 exceeds total investment 32000.00万元"}]}""";

    public static final String NOT_IN_PREPARATION_PROBLEM = """
            {"type":"https://citykpi.io/problems/not-in-preparation","title":"Conflict with the current state",\
            "status":409,"detail":"project LY-2025-0001 is RESERVE; investment is reported from the preparation \
            stage (前期) on","context":{"currentStage":"RESERVE"}}""";

    public static final String FUTURE_MONTH_PROBLEM = """
            {"type":"https://citykpi.io/problems/validation","title":"Request is not valid","status":400,\
            "detail":"month: must lie between 2000-01 and the current month (2025-06)",\
            "errors":[{"field":"month","rule":"BusinessDate",\
            "message":"must lie between 2000-01 and the current month (2025-06)"}]}""";

    private ProjectExamples() {
    }
}
