package io.citykpi.projects.project;

/** Examples shown in the OpenAPI document. */
final class ProjectExamples {

    static final String REGISTER_REQUEST = """
            {"code":"LY-2025-0001","name":"北方碳纤维无人机螺旋桨项目","orgUnit":"220402","sector":"NEW_MATERIALS",\
            "constructionType":"NEW","totalInvestment":32000.00,"leadUnit":"龙山区发展和改革局",\
            "location":"龙山区","registeredOn":"2025-02-10"}""";

    static final String PROJECT = """
            {"id":"0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11","code":"LY-2025-0001","name":"北方碳纤维无人机螺旋桨项目",\
            "orgUnit":"220402","sector":"NEW_MATERIALS","constructionType":"NEW","totalInvestment":32000.00,\
            "sizeClass":"OVER_100M","stage":"PLANNED","leadUnit":"龙山区发展和改革局","location":"龙山区",\
            "registeredOn":"2025-02-10","recordedAt":"2025-02-10T09:30:00+08:00",\
            "updatedAt":"2025-02-10T09:30:00+08:00","version":0}""";

    static final String VALIDATION_PROBLEM = """
            {"type":"https://citykpi.io/problems/validation","title":"Request is not valid","status":400,\
            "detail":"2 fields are not valid","instance":"/api/v1/projects","errors":[\
            {"field":"orgUnit","rule":"OrgUnitCode","message":"must be a known organisation unit code"},\
            {"field":"totalInvestment","rule":"DecimalMin","message":"must be greater than or equal to 0.01"}]}""";

    static final String DUPLICATE_PROBLEM = """
            {"type":"https://citykpi.io/problems/duplicate-code","title":"Conflict with the current state",\
            "status":409,"detail":"a project with code LY-2025-0001 is already registered",\
            "instance":"/api/v1/projects","context":{"code":"LY-2025-0001"}}""";

    static final String NOT_FOUND_PROBLEM = """
            {"type":"https://citykpi.io/problems/not-found","title":"Not found","status":404,\
            "detail":"project 0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11 does not exist",\
            "instance":"/api/v1/projects/0b8e6b9e-3f6a-4a53-9b0c-8c5d3a2f7e11"}""";

    private ProjectExamples() {
    }
}
