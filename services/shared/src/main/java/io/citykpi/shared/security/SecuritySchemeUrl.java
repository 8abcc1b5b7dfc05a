package io.citykpi.shared.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Points the OpenAPI document's security scheme (and so Swagger UI's login) at the realm this deployment
 * really uses: {@code quarkus.oidc.auth-server-url} as it is when the service starts, not when it was built.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class SecuritySchemeUrl implements OASFilter {

    @Override
    public SecurityScheme filterSecurityScheme(SecurityScheme scheme) {
        if (scheme.getType() == SecurityScheme.Type.OPENIDCONNECT) {
            ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                    .map(url -> url.replaceAll("/+$", "") + "/.well-known/openid-configuration")
                    .ifPresent(scheme::setOpenIdConnectUrl);
        }
        return scheme;
    }
}
