package io.citykpi.projects.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The columns of a project spreadsheet. Headers may be the Chinese ones district staff use or the
 * API's field names; full-width and half-width brackets are both accepted.
 */
enum ImportColumn {
    CODE("code", true, "项目编码"),
    NAME("name", true, "项目名称"),
    ORG_UNIT("orgUnit", true, "所属单位代码", "所属地区代码"),
    SECTOR("sector", true, "行业", "所属行业"),
    CONSTRUCTION_TYPE("constructionType", true, "建设性质"),
    TOTAL_INVESTMENT("totalInvestment", true, "总投资(万元)", "总投资（万元）"),
    LEAD_UNIT("leadUnit", false, "责任单位"),
    LOCATION("location", false, "建设地点"),
    DESCRIPTION("description", false, "项目简介", "建设内容"),
    REGISTERED_ON("registeredOn", false, "登记日期", "入库日期"),
    INITIAL_STAGE("initialStage", false, "当前阶段", "项目阶段");

    final String field;
    final boolean required;
    final List<String> headers;

    ImportColumn(String field, boolean required, String... headers) {
        this.field = field;
        this.required = required;
        this.headers = List.of(headers);
    }

    static Optional<ImportColumn> forHeader(String header) {
        String h = header.strip().replace('（', '(').replace('）', ')');
        return Arrays.stream(values())
                .filter(c -> c.field.equalsIgnoreCase(h)
                        || c.headers.stream().anyMatch(x -> x.replace('（', '(').replace('）', ')').equals(h)))
                .findFirst();
    }
}
