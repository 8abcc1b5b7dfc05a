package io.citykpi.safety;

/** Examples shown in the OpenAPI document. */
public final class SafetyExamples {

    public static final String INSPECTION_REQUEST = """
            {"orgUnit":"220421","domain":"GAS","placeType":"SCHOOL","placeName":"东丰县第二实验小学",\
            "address":"东丰县东丰镇文化路18号","inspectedOn":"2025-04-10","team":"县应急管理局第一检查组",\
            "withExperts":true,"experts":"王工（燃气）","penaltiesIssued":0,\
            "hazards":[{"severity":"MAJOR","description":"食堂燃气管道阀门锈蚀漏气","deadline":"2025-05-10"}]}""";

    public static final String HAZARD = """
            {"id":"6c1f0e2a-4b5d-4e8f-9a1b-2c3d4e5f6a7b","inspectionId":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",\
            "orgUnit":"220421","domain":"GAS","placeType":"SCHOOL","severity":"MAJOR",\
            "description":"食堂燃气管道阀门锈蚀漏气","foundOn":"2025-04-10","originalDeadline":"2025-05-10",\
            "deadline":"2025-05-10","status":"OPEN","overdue":false,"rectifiedOn":null,"measures":null,\
            "verifiedOn":null,"listedOn":null,"supervisingUnit":null,"recordedAt":"2025-04-10T16:00:00+08:00",\
            "updatedAt":"2025-04-10T16:00:00+08:00"}""";

    public static final String INSPECTION_DETAIL = """
            {"inspection":{"id":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","orgUnit":"220421","domain":"GAS",\
            "placeType":"SCHOOL","placeName":"东丰县第二实验小学","address":"东丰县东丰镇文化路18号",\
            "inspectedOn":"2025-04-10","team":"县应急管理局第一检查组","withExperts":true,"experts":"王工（燃气）",\
            "projectCode":null,"penaltiesIssued":0,"penaltyAmount":null,"recordedAt":"2025-04-10T16:00:00+08:00"},\
            "hazards":[""" + HAZARD + "]}";

    public static final String NEW_HAZARD = """
            {"severity":"GENERAL","description":"疏散通道堆放杂物","deadline":"2025-04-20"}""";

    public static final String RECTIFY = """
            {"rectifiedOn":"2025-05-06","measures":"更换阀门并做气密性试验"}""";

    public static final String VERIFY = """
            {"verifiedOn":"2025-05-08","passed":true,"note":"复查合格，销号"}""";

    public static final String EXTENSION_REQUEST = """
            {"requestedDeadline":"2025-06-10","reason":"阀门备件需厂家定制"}""";

    public static final String EXTENSION = """
            {"id":"7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b","reason":"阀门备件需厂家定制","requestedDeadline":"2025-06-10",\
            "requestedOn":"2025-05-05","status":"PENDING","decidedOn":null,"decisionNote":null}""";

    public static final String DECISION = """
            {"approved":true,"decidedOn":"2025-05-06","note":"同意延期至6月10日"}""";

    public static final String LISTING = """
            {"listedOn":"2025-04-12","supervisingUnit":"市安委会办公室"}""";

    public static final String DEADLINE_PROBLEM = """
            {"type":"https://citykpi.io/problems/validation","title":"Request is not valid","status":400,\
            "detail":"hazards[0].deadline: a major hazard must be rectified within one year of discovery, by 2026-04-10",\
            "errors":[{"field":"hazards[0].deadline","rule":"MajorWithinOneYear",\
            "message":"a major hazard must be rectified within one year of discovery, by 2026-04-10"}]}""";

    public static final String ILLEGAL_PROBLEM = """
            {"type":"https://citykpi.io/problems/illegal-hazard-transition","title":"Conflict with the current state",\
            "status":409,"detail":"hazard 6c1f0e2a-4b5d-4e8f-9a1b-2c3d4e5f6a7b is OPEN and cannot be verified; that \
            needs status RECTIFIED","context":{"currentStatus":"OPEN","requiredStatus":"RECTIFIED"}}""";

    public static final String EXTENSION_LIMIT_PROBLEM = """
            {"type":"https://citykpi.io/problems/extension-limit","title":"Conflict with the current state","status":409,\
            "detail":"hazard 6c1f0e2a-4b5d-4e8f-9a1b-2c3d4e5f6a7b has had 2 extension requests; at most 2 are allowed",\
            "context":{"limit":2}}""";

    public static final String NOT_MAJOR_PROBLEM = """
            {"type":"https://citykpi.io/problems/not-major","title":"Conflict with the current state","status":409,\
            "detail":"only major hazards are listed for supervision (挂牌督办)","context":{"severity":"GENERAL"}}""";

    private SafetyExamples() {
    }
}
