package io.citykpi.projects.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectImportTest {

    /** rest-assured would otherwise encode the body as ISO-8859-1; the API reads UTF-8. */
    private static final String CSV = "text/csv; charset=UTF-8";
    private static final String HEADER = "项目编码,项目名称,所属单位代码,行业,建设性质,总投资（万元）,责任单位,建设地点,项目简介,登记日期,当前阶段\n";

    /** A file uploaded with no charset at all (rest-assured would declare ISO-8859-1). */
    private static final RestAssuredConfig NO_DEFAULT_CHARSET = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @Inject
    EntityManager em;

    @Test
    void importsEveryRowReadingChineseLabelsAndAnExcelByteOrderMark() {
        String csv = "\uFEFF" + HEADER
                + "IMP-OK-1,北方碳纤维无人机螺旋桨项目,220402,新材料,新建,32000.00,龙山区发改局,龙山区,,2025-02-10,谋划\n"
                + "IMP-OK-2,\"东丰县梅花鹿产业园, 二期\",220421,AGRICULTURE_AND_FOOD,续建,18000,,,,2025-01-15,开工\n";
        given().contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/v1/projects/import")
                .then().statusCode(201)
                .body("imported", equalTo(2))
                .body("projects.code", hasItem("IMP-OK-2"))
                .body("projects[1].line", equalTo(3));
        given().queryParam("q", "梅花鹿").when().get("/api/v1/projects")
                .then().body("items[0].name", equalTo("东丰县梅花鹿产业园, 二期"))
                .body("items[0].stage", equalTo("UNDER_CONSTRUCTION"))
                .body("items[0].constructionType", equalTo("CONTINUING"));
    }

    @Test
    void importsNothingWhenARowInTheMiddleIsBadAndNamesEveryError() {
        long before = projects();
        String csv = HEADER
                + "IMP-AON-1,好项目,220402,新材料,新建,800,,,,,\n"
                + "IMP-AON-2,坏项目,999999,钢铁,新建,1.8亿,,,,,\n"
                + "IMP-AON-3,好项目,220403,新能源,新建,900,,,,,\n"
                + "IMP-AON-1,重复,220403,新能源,新建,900,,,,,\n";
        given().contentType(CSV).body(csv)
                .when().post("/api/v1/projects/import")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(4))
                .body("errors.field", hasItem("rows[3].orgUnit"))
                .body("errors.field", hasItem("rows[3].sector"))
                .body("errors.find { it.field == 'rows[3].totalInvestment' }.rule", equalTo("Type"))
                .body("errors.find { it.field == 'rows[5].code' }.rule", equalTo("UniqueInFile"));
        assertEquals(before, projects(), "all or nothing: the good rows were not imported either");
    }

    @Test
    void refusesUnknownAndMissingColumns() {
        given().contentType(CSV).body("项目编码,项目名称,颜色\nA-1,x,red\n")
                .when().post("/api/v1/projects/import")
                .then().statusCode(400)
                .body("errors.field", hasItem("header.颜色"))
                .body("errors.find { it.field == 'header.总投资(万元)' }.rule", equalTo("MissingColumn"));
    }

    @Test
    void refusesAnEmptyFileAndACodeAlreadyRegistered() {
        given().contentType(CSV).body("").when().post("/api/v1/projects/import")
                .then().statusCode(400).body("errors[0].field", equalTo("(body)"));
        given().contentType(CSV).body(HEADER + "IMP-DUP-1,x,220402,新材料,新建,800,,,,,\n")
                .when().post("/api/v1/projects/import").then().statusCode(201);
        given().contentType(CSV).body(HEADER + "IMP-DUP-1,x,220402,新材料,新建,800,,,,,\n")
                .when().post("/api/v1/projects/import")
                .then().statusCode(400).body("errors[0].rule", equalTo("Unique"));
    }

    @Test
    void readsAGbkFileWithItsDeclaredCharsetAndWithout() {
        byte[] declared = (HEADER + "IMP-GBK-1,东丰县医药产业园项目,220421,新材料,新建,5000,,,,,\n")
                .getBytes(CsvCharset.GB18030);
        given().contentType("text/csv; charset=GBK").body(declared).when().post("/api/v1/projects/import")
                .then().statusCode(201);
        byte[] undeclared = (HEADER + "IMP-GBK-2,辽源袜业园区扩建,220402,新材料,扩建,6000,,,,,\n")
                .getBytes(CsvCharset.GB18030);
        given().config(NO_DEFAULT_CHARSET).contentType("text/csv").body(undeclared).when().post("/api/v1/projects/import")
                .then().statusCode(201);
        given().when().get("/api/v1/projects?q=IMP-GBK").then().statusCode(200)
                .body("items.name", hasItem("东丰县医药产业园项目"))
                .body("items.name", hasItem("辽源袜业园区扩建"));
    }

    @Test
    void refusesBytesNotValidInTheirCharsetAnUnknownCharsetAndLostCharacters() {
        long before = projects();
        byte[] gbk = (HEADER + "IMP-BAD-1,东丰县医药产业园项目,220421,新材料,新建,5000,,,,,\n").getBytes(CsvCharset.GB18030);
        given().contentType("text/csv; charset=UTF-8").body(gbk).when().post("/api/v1/projects/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("(body)")).body("errors[0].rule", equalTo("Encoding"));
        given().contentType("text/csv; charset=KLINGON-8").body(gbk).when().post("/api/v1/projects/import")
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType(CSV).body(HEADER + "IMP-BAD-2,东丰\uFFFD\uFFFD产业园,220421,新材料,新建,5000,,,,,\n")
                .when().post("/api/v1/projects/import")
                .then().statusCode(400).body("errors[0].field", equalTo("rows[2]"))
                .body("errors[0].rule", equalTo("NoReplacementCharacter"));
        given().contentType(CSV).body(HEADER + "IMP-BAD-3,a\u0000b,220421,新材料,新建,5000,,,,,\n")
                .when().post("/api/v1/projects/import")
                .then().statusCode(400).body("errors[0].rule", equalTo("NoNulCharacter"));
        given().config(NO_DEFAULT_CHARSET).contentType("text/csv").body(new byte[]{(byte) 0xFF, (byte) 0xFF, (byte) 0x81, 0x30, 0x0A})
                .when().post("/api/v1/projects/import").then().statusCode(400).body("errors[0].rule", equalTo("Encoding"));
        assertEquals(before, projects());
    }

    @Test
    void keepsACellThatLooksLikeAFormulaAsText() {
        given().contentType(CSV).body(HEADER + "IMP-FORMULA-1,=HYPERLINK(\"http://x\"),220402,新材料,新建,800,@部门,+86 园区,-一期,,\n")
                .when().post("/api/v1/projects/import").then().statusCode(201);
        given().when().get("/api/v1/projects?q=IMP-FORMULA-1").then().statusCode(200)
                .body("items[0].name", equalTo("=HYPERLINK(\"http://x\")"))
                .body("items[0].leadUnit", equalTo("@部门"));
    }

    private long projects() {
        return ((Number) em.createNativeQuery("select count(*) from project").getSingleResult()).longValue();
    }
}
