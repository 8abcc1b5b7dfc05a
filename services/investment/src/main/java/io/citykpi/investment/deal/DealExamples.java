package io.citykpi.investment.deal;

/** Examples shown in the OpenAPI document. */
final class DealExamples {

    static final String SIGN = """
            {"name":"北方碳纤维无人机螺旋桨项目","investor":"北方碳纤维科技有限公司","investorOrigin":"广东省",\
            "orgUnit":"220402","sector":"NEW_MATERIALS","signedOn":"2025-03-18","contractAmount":32000.00,\
            "leadUnit":"龙山区招商局","projectCode":"LY-2025-0001"}""";

    static final String DEAL = """
            {"id":"3f1c2b9a-8d7e-4c6b-9a5f-1e2d3c4b5a69","name":"北方碳纤维无人机螺旋桨项目","investor":"北方碳纤维科技有限公司",\
            "investorOrigin":"广东省","orgUnit":"220402","sector":"NEW_MATERIALS","signedOn":"2025-03-18",\
            "contractAmount":32000.00,"sizeClass":"OVER_100M","leadUnit":"龙山区招商局","projectCode":"LY-2025-0001",\
            "status":"SIGNED","statusSince":"2025-03-18","arrivedAmount":5000.00,\
            "recordedAt":"2025-03-18T15:00:00+08:00","updatedAt":"2025-07-15T10:00:00+08:00","version":1}""";

    static final String DETAIL = """
            {"deal":""" + DEAL + """
            ,"arrivals":[{"id":"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d","arrivedOn":"2025-07-15","amount":5000.00,\
            "source":"DOMESTIC","recordedAt":"2025-07-15T10:00:00+08:00"}],"amendments":[],\
            "statusHistory":[{"fromStatus":null,"toStatus":"SIGNED","effectiveDate":"2025-03-18","note":"signed",\
            "recordedAt":"2025-03-18T15:00:00+08:00"}],"arrivalRatePercent":15.6}""";

    static final String PAGE = """
            {"items":[""" + DEAL + """
            ],"page":{"number":0,"size":20,"totalElements":1,"totalPages":1}}""";

    static final String STATUS = """
            {"status":"STARTED","effectiveDate":"2025-06-01","note":"项目开工仪式"}""";

    static final String ARRIVAL = """
            {"arrivedOn":"2025-07-15","amount":5000.00,"source":"DOMESTIC"}""";

    static final String ARRIVAL_RESULT = """
            {"arrival":{"id":"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d","arrivedOn":"2025-07-15","amount":5000.00,\
            "source":"DOMESTIC","recordedAt":"2025-07-15T10:00:00+08:00"},"deal":""" + DEAL + "}";

    static final String AMEND = """
            {"newContractAmount":36000.00,"effectiveDate":"2025-08-01","reason":"补充协议：二期追加投资"}""";

    static final String ILLEGAL_STATUS = """
            {"type":"https://citykpi.io/problems/illegal-status-transition","title":"Conflict with the current state",\
            "status":409,"detail":"deal 北方碳纤维无人机螺旋桨项目 is SIGNED and cannot move to IN_PRODUCTION; allowed next: \
            [STARTED, TERMINATED]","context":{"currentStatus":"SIGNED","allowedNextStatuses":["STARTED","TERMINATED"]}}""";

    static final String OVER_ARRIVAL = """
            {"type":"https://citykpi.io/problems/arrivals-exceed-contract","title":"Conflict with the current state",\
            "status":409,"detail":"arrivals would reach 33000.00万元, above the contract amount of 32000.00万元; at most \
            27000.00万元 can still arrive. Amend the contract first if it grew.",\
            "context":{"contractAmount":32000.00,"arrivedSoFar":5000.00,"acceptableAtMost":27000.00}}""";

    static final String BELOW_ARRIVED = """
            {"type":"https://citykpi.io/problems/amendment-below-arrived","title":"Conflict with the current state",\
            "status":409,"detail":"the contract amount cannot fall to 4000.00万元: 5000.00万元 have already arrived",\
            "context":{"arrivedSoFar":5000.00}}""";

    private DealExamples() {
    }
}
