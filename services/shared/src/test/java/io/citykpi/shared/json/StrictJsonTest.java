package io.citykpi.shared.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.citykpi.shared.problem.JsonProblems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The JSON a service refuses, and the field each refusal names. */
class StrictJsonTest {

    enum Severity { GENERAL, MAJOR }

    record Item(String name, Integer count, Boolean urgent, Severity severity, LocalDate deadline, BigDecimal amount,
                OffsetDateTime at, List<Item> children) {
    }

    private final ObjectMapper mapper = JsonCustomizer.strict(JsonMapper.builder().findAndAddModules().build());

    @Test
    void aWellFormedRequestIsRead() throws Exception {
        Item item = mapper.readValue("""
                {"name":"a","count":2,"urgent":true,"severity":"MAJOR","deadline":"2025-05-10","amount":1.50,
                 "at":"2025-05-10T09:00:00+08:00","children":[{"name":"b"}]}""", Item.class);
        assertEquals(new BigDecimal("1.50"), item.amount());
        assertEquals("b", item.children().get(0).name());
    }

    record Counted(int count) {
    }

    @Test
    void aMissingCountIsNotZero() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper.readValue("{}", Counted.class));
        assertEquals("count", JsonProblems.error(e).field());
        assertEquals("NotNull", JsonProblems.error(e).rule());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"a\\u0000b\"}                         | name",
            "{\"children\":[{\"name\":\"\\u0000\"}]}          | children[0].name",
            "{\"name\":\"a\",\"name\":\"b\"}                  | name",
            "{\"children\":[{\"count\":1,\"count\":2}]}       | children[0].count",
            "{\"name\":\"a\"} x                               | (body)",
            "{\"name\":\"a\"}{}                               | (body)",
            "{\"severity\":0}                                 | severity",
            "{\"severity\":\"1\"}                             | severity",
            "{\"severity\":\"\"}                              | severity",
            "{\"urgent\":2}                                   | urgent",
            "{\"urgent\":\"\"}                                | urgent",
            "{\"urgent\":\"true\"}                            | urgent",
            "{\"deadline\":20230110}                          | deadline",
            "{\"deadline\":[2023,1,10]}                       | deadline",
            "{\"deadline\":\"\"}                              | deadline",
            "{\"deadline\":\"2025-02-30\"}                    | deadline",
            "{\"at\":1700000000}                              | at",
            "{\"count\":1.5}                                  | count",
            "{\"count\":\"2\"}                                | count",
            "{\"count\":99999999999}                          | count",
            "{\"amount\":\"1.5\"}                             | amount",
            "{\"amount\":true}                                | amount",
            "{\"name\":5}                                     | name",
            "{\"name\":true}                                  | name",
            "{\"name\":{}}                                    | name",
            "{\"children\":{\"name\":\"a\"}}                  | children",
    })
    void refusesAndNamesTheField(String json, String field) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, Item.class));
        assertEquals(field, JsonProblems.field(e), e.getMessage());
    }
}
