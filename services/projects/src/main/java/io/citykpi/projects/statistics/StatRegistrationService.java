package io.citykpi.projects.statistics;

import io.citykpi.projects.project.Project;
import io.citykpi.shared.contract.projects.ProjectEvents;
import io.citykpi.projects.project.ProjectService;
import io.citykpi.shared.contract.projects.ProjectStage;
import io.citykpi.projects.project.ProjectView;
import io.citykpi.shared.outbox.Outbox;
import io.citykpi.shared.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/** "先入库，后有数": a project's investment counts in official statistics only once it is registered. */
@ApplicationScoped
public class StatRegistrationService {

    private static final Logger LOG = Logger.getLogger(StatRegistrationService.class);

    private final Outbox outbox;
    private final Clock clock;
    private final ProjectService projects;

    public StatRegistrationService(Outbox outbox, Clock clock, ProjectService projects) {
        this.outbox = outbox;
        this.clock = clock;
        this.projects = projects;
    }

    /** Setting the same date again changes nothing; another date corrects it, and the event says so. */
    @Transactional
    public ProjectView register(UUID projectId, StatRegistrationRequest request) {
        Project project = projects.lockForWrite(projectId);
        LocalDate previous = project.statRegisteredOn;
        if (Objects.equals(previous, request.registeredOn())) {
            return ProjectView.of(project);
        }
        if (project.stage == ProjectStage.CANCELLED) {
            throw ProblemException.conflict("project-cancelled", "project " + project.code
                    + " is cancelled and cannot be statistically registered", Map.of("currentStage", project.stage));
        }
        project.statRegisteredOn = request.registeredOn();
        project.updatedAt = OffsetDateTime.now(clock);
        project.persistAndFlush();
        outbox.append(ProjectEvents.STATISTICALLY_REGISTERED, projectId.toString(), project.orgUnit,
                new ProjectEvents.ProjectStatisticallyRegistered(projectId, project.code, project.orgUnit,
                        request.registeredOn(), previous));
        LOG.infof("Project %s statistically registered on %s%s", project.code, request.registeredOn(),
                previous == null ? "" : " (corrected from " + previous + ")");
        return ProjectView.of(project);
    }
}
