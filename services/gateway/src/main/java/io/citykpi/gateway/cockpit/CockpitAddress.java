package io.citykpi.gateway.cockpit;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * People type the cockpit's address without its final slash. The page's relative asset paths only
 * resolve under {@code /cockpit/}, so {@code /cockpit} is sent there instead of answering 404. The
 * Location is relative, so it keeps the host and scheme an Ingress or proxy put in front.
 */
@ApplicationScoped
public class CockpitAddress {

    void install(@Observes Router router) {
        router.get("/cockpit").order(-1).handler(this::redirect);
    }

    private void redirect(RoutingContext context) {
        // Vert.x also hands "/cockpit/" to this route: that one is the page itself.
        if (!"/cockpit".equals(context.request().path())) {
            context.next();
            return;
        }
        String query = context.request().query();
        context.response().setStatusCode(301)
                .putHeader("Location", "cockpit/" + (query == null || query.isEmpty() ? "" : "?" + query))
                .end();
    }
}
