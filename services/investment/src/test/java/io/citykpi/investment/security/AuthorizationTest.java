package io.citykpi.investment.security;

import io.citykpi.investment.DealsApi;
import io.citykpi.testkit.AuthorizationContract;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Map;

/** Who may call every operation of the investment API: see {@link AuthorizationContract}. */
@QuarkusTest
class AuthorizationTest extends AuthorizationContract {

    private static final String UNIT = "220422";

    @Override
    protected Map<String, Sample> samples() {
        String deal = DealsApi.sign(UNIT, "5000.00", LocalDate.of(2025, 2, 1));
        return Map.of(
                "POST /api/v1/deals", Sample.json(UNIT, """
                        {"name":"权限测试签约项目","investor":"测试投资有限公司","investorOrigin":"广东省","orgUnit":"%s",
                         "sector":"NEW_MATERIALS","signedOn":"2025-02-01","contractAmount":100.00}""".formatted(UNIT)),
                "POST /api/v1/deals/{id}/status-transitions", Sample.json(UNIT,
                        "{\"status\":\"STARTED\",\"effectiveDate\":\"2025-03-01\"}").path("id", deal),
                "POST /api/v1/deals/{id}/arrivals", Sample.json(UNIT,
                        "{\"arrivedOn\":\"2025-03-02\",\"amount\":10.00,\"source\":\"DOMESTIC\"}").path("id", deal),
                "POST /api/v1/deals/{id}/contract-amendments", Sample.json(UNIT,
                        "{\"newContractAmount\":6000.00,\"effectiveDate\":\"2025-03-03\",\"reason\":\"补充协议\"}")
                        .path("id", deal),
                "PUT /api/v1/fixed-asset-investment/{orgUnit}/{month}", Sample.json(UNIT, "{\"amount\":10.00}")
                        .path("orgUnit", UNIT).path("month", "2022-07"));
    }
}
