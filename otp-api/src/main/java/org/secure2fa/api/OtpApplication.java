package org.secure2fa.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The public API. The module's context root is {@code /otp}, so resources answer at {@code /otp/…}.
 * Jersey features the API does not use are switched off: every request pays for what is installed.
 */
@ApplicationPath("/")
@ApplicationScoped
public class OtpApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(
                "jersey.config.server.wadl.disableWadl", true,
                "jersey.config.beanValidation.disable.server", true,
                "jersey.config.server.monitoring.statistics.enabled", false,
                "jersey.config.server.monitoring.enabled", false,
                "jersey.config.server.tracing.type", "OFF",
                "jersey.config.server.disableMoxyJson", true,
                "jersey.config.disableJsonProcessing", true,
                "jersey.config.server.disableJsonBinding", true,
                "jersey.config.disableDefaultProvider", "DATASOURCE,DOMSOURCE,RENDEREDIMAGE,SAXSOURCE,SOURCE,STREAMSOURCE");
    }
}
