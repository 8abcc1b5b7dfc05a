package io.citykpi.testkit.malformed;

import io.citykpi.testkit.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.enterprise.inject.spi.CDI;
import java.net.URI;
import javax.sql.DataSource;

/**
 * Base of a service's {@code @QuarkusTest} that runs {@link MalformedInput} against the service under
 * test: {@link #malformedInput()} is the generator pointed at it, comparing the row counts of the
 * tables {@link #writtenByRequests} accepts (all by default) around every refused request. Requests
 * carry the city administrator's token, who may call every operation, so that what is probed is the
 * input and not the caller.
 */
public abstract class MalformedInputCheck {

    @TestHTTPResource("/")
    URI base;

    protected MalformedInput.Builder malformedInput() {
        DataSource database = CDI.current().select(DataSource.class).get();
        return MalformedInput.against(base).rowCounts(RowCounts.of(database, this::writtenByRequests))
                .header("Authorization", "Bearer " + Tokens.admin());
    }

    /** Tables a refused request must leave as they were; a table also written in the background is left out. */
    protected boolean writtenByRequests(String table) {
        return true;
    }
}
