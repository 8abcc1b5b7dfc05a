package io.citykpi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule check must fail on an operation nobody declared a rule for, or it proves nothing. */
class AuthorizationContractTest {

    private static final String DOCUMENT = """
            {"paths": {
              "/api/v1/things": {
                "get":  {"x-citykpi-permission": "read"},
                "post": {"x-citykpi-permission": "write"}
              },
              "/api/v1/things/{id}": {
                "put":    {},
                "delete": {"x-citykpi-permission": "read"}
              },
              "/q/health": {"get": {}}
            }}""";

    @Test
    void listsTheOperationsUnderTheApiWithTheirPermission() throws Exception {
        List<AuthorizationContract.Operation> operations = AuthorizationContract.operations(document());
        assertEquals(List.of("GET /api/v1/things read", "POST /api/v1/things write", "PUT /api/v1/things/{id} null",
                        "DELETE /api/v1/things/{id} read"),
                operations.stream().map(op -> op.key() + " " + op.permission()).toList());
    }

    @Test
    void failsOnAnOperationWithoutARuleAWriteThatOnlyReadsAndAMissingOrStaleSample() throws Exception {
        List<String> problems = AuthorizationContract.undeclared(AuthorizationContract.operations(document()),
                Set.of("POST /api/v1/elsewhere"));
        assertEquals(List.of(
                "POST /api/v1/things is a write without a sample request to check its org-unit scope",
                "PUT /api/v1/things/{id} declares no permission: annotate it with @PermissionsAllowed(Access...)",
                "DELETE /api/v1/things/{id} changes data but needs only read",
                "sample for POST /api/v1/elsewhere, which the OpenAPI document does not list"), problems);
    }

    @Test
    void passesWhenEveryOperationHasARuleAndEveryWriteASample() throws Exception {
        JsonNode api = new ObjectMapper().readTree("""
                {"paths": {"/api/v1/things": {"get": {"x-citykpi-permission": "read"},
                                               "post": {"x-citykpi-permission": "write"}}}}""");
        assertEquals(List.of(), AuthorizationContract.undeclared(AuthorizationContract.operations(api),
                Set.of("POST /api/v1/things")));
    }

    @Test
    void picksAClerkOfADistrictThatDoesNotCoverTheUnitWritten() {
        assertEquals("220403", AuthorizationContract.otherDistrict("220402"));
        assertEquals("220402", AuthorizationContract.otherDistrict("220403"));
        assertEquals("220403", AuthorizationContract.otherDistrict("220400"));
    }

    private static JsonNode document() throws Exception {
        return new ObjectMapper().readTree(DOCUMENT);
    }
}
