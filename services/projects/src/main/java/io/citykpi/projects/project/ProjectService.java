package io.citykpi.projects.project;

import io.citykpi.shared.outbox.Outbox;
import io.citykpi.shared.problem.ProblemException;
import io.citykpi.shared.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The rules of the key-project register. Every change commits together with its event. */
@ApplicationScoped
public class ProjectService {

    private static final Logger LOG = Logger.getLogger(ProjectService.class);

    private final Outbox outbox;
    private final Clock clock;

    public ProjectService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public ProjectView register(RegisterProjectRequest request) {
        if (Project.findByCode(request.code()).isPresent()) {
            throw duplicateCode(request.code());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.code = request.code();
        project.name = request.name().strip();
        project.orgUnit = request.orgUnit();
        project.sector = request.sector();
        project.constructionType = request.constructionType();
        project.totalInvestment = request.totalInvestment().setScale(2, RoundingMode.UNNECESSARY);
        project.leadUnit = request.leadUnit();
        project.location = request.location();
        project.description = request.description();
        project.stage = ProjectStage.PLANNED;
        project.registeredOn = request.registeredOn() != null ? request.registeredOn() : BusinessTime.today(clock);
        project.recordedAt = now;
        project.updatedAt = now;
        project.persistAndFlush();
        outbox.append(ProjectEvents.REGISTERED, 1, project.id.toString(), project.orgUnit,
                ProjectEvents.ProjectRegistered.of(project));
        LOG.infof("Registered project %s %s (%s, %s万元) in org unit %s", project.code, project.name,
                project.sizeClass(), project.totalInvestment.toPlainString(), project.orgUnit);
        return ProjectView.of(project);
    }

    public ProjectView get(UUID id) {
        return Project.<Project>findByIdOptional(id)
                .map(ProjectView::of)
                .orElseThrow(() -> ProblemException.notFound("project", id));
    }

    private static ProblemException duplicateCode(String code) {
        return ProblemException.conflict("duplicate-code", "a project with code " + code + " is already registered",
                Map.of("code", code));
    }
}
