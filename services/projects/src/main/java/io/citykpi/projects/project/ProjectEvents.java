package io.citykpi.projects.project;

import io.citykpi.shared.sector.Sector;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Payloads of the events on {@code citykpi.projects.v1}. They are public API (docs/asyncapi.yaml):
 * add optional fields freely, anything else needs a new version.
 */
public final class ProjectEvents {

    public static final String REGISTERED = "project-registered";

    private ProjectEvents() {
    }

    /** {@code citykpi.projects.project-registered.v1}; effectiveDate = the day it entered the register. */
    public record ProjectRegistered(UUID projectId, String code, String name, String orgUnit, Sector sector,
                                    ConstructionType constructionType, BigDecimal totalInvestment,
                                    SizeClass sizeClass, ProjectStage stage, String leadUnit, String location,
                                    LocalDate effectiveDate) {

        static ProjectRegistered of(Project p) {
            return new ProjectRegistered(p.id, p.code, p.name, p.orgUnit, p.sector, p.constructionType,
                    p.totalInvestment, p.sizeClass(), p.stage, p.leadUnit, p.location, p.registeredOn);
        }
    }
}
