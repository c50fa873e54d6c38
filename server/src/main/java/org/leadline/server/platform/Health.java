package org.leadline.server.platform;

import java.sql.Connection;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.leadline.server.platform.persistence.LeadlineDataSource;

/** Health for orchestrators: live while the process works, ready once started and the database answers. */
public final class Health {

    private Health() {
    }

    @Liveness
    @ApplicationScoped
    public static class Alive implements HealthCheck {
        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.up("leadline");
        }
    }

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {

        @Resource(lookup = LeadlineDataSource.JNDI_NAME)
        DataSource dataSource;

        @Inject
        Startup startup;

        @Override
        public HealthCheckResponse call() {
            if (!startup.isStarted()) {
                return HealthCheckResponse.named("leadline-database").down().withData("reason", "starting").build();
            }
            try (Connection c = dataSource.getConnection()) {
                boolean valid = c.isValid(2);
                return HealthCheckResponse.named("leadline-database").status(valid)
                        .withData("database", c.getMetaData().getDatabaseProductName()).build();
            } catch (Exception e) {
                return HealthCheckResponse.named("leadline-database").down().withData("reason", e.getMessage()).build();
            }
        }
    }
}
