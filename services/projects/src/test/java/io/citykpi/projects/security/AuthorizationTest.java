package io.citykpi.projects.security;

import io.citykpi.projects.ProjectsApi;
import io.citykpi.testkit.AuthorizationContract;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Map;

/** Who may call every operation of the projects API: see {@link AuthorizationContract}. */
@QuarkusTest
class AuthorizationTest extends AuthorizationContract {

    private static final String UNIT = "220422";

    @Override
    protected Map<String, Sample> samples() {
        String project = ProjectsApi.register(ProjectsApi.newCode("AUTH"), UNIT, "8000.00", "PREPARATION",
                LocalDate.of(2025, 1, 10));
        String code = ProjectsApi.newCode("AUTH-NEW");
        return Map.of(
                "POST /api/v1/projects", Sample.json(UNIT, """
                        {"code":"%s","name":"权限测试项目","orgUnit":"%s","sector":"EQUIPMENT","constructionType":"NEW",
                         "totalInvestment":800.00}""".formatted(code, UNIT)),
                "POST /api/v1/projects/import", Sample.of(UNIT, "text/csv; charset=UTF-8",
                        "项目编码,项目名称,所属单位代码,行业,建设性质,总投资（万元）\n%s-CSV,权限测试,%s,新材料,新建,800\n"
                                .formatted(code, UNIT)),
                "PUT /api/v1/projects/{id}", Sample.json(UNIT, """
                        {"name":"权限测试项目（改）","orgUnit":"%s","sector":"EQUIPMENT","constructionType":"NEW",
                         "totalInvestment":8000.00,"version":0}""".formatted(UNIT)).path("id", project),
                "POST /api/v1/projects/{id}/stage-transitions", Sample.json(UNIT,
                        "{\"stage\":\"UNDER_CONSTRUCTION\",\"effectiveDate\":\"2025-03-01\"}").path("id", project),
                "PUT /api/v1/projects/{id}/plans/{year}", Sample.json(UNIT, "{\"plannedInvestment\":2000.00}")
                        .path("id", project).path("year", "2025"),
                "PUT /api/v1/projects/{id}/statistical-registration", Sample.json(UNIT,
                        "{\"registeredOn\":\"2025-02-01\"}").path("id", project),
                "PUT /api/v1/projects/{id}/investment-reports/{month}", Sample.json(UNIT, "{\"amount\":300.00}")
                        .path("id", project).path("month", "2025-04"));
    }
}
