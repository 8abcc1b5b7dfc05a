package io.citykpi.projects.stage;

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
import java.util.UUID;
import org.jboss.logging.Logger;

/** Moves projects along their life: only legal moves, each on a date not before the previous one. */
@ApplicationScoped
public class StageService {

    private static final Logger LOG = Logger.getLogger(StageService.class);

    private final Outbox outbox;
    private final Clock clock;
    private final ProjectService projects;

    public StageService(Outbox outbox, Clock clock, ProjectService projects) {
        this.outbox = outbox;
        this.clock = clock;
        this.projects = projects;
    }

    @Transactional
    public ProjectView transition(UUID projectId, StageTransitionRequest request) {
        Project project = projects.lockForWrite(projectId);
        ProjectStage from = project.stage;
        if (!from.canMoveTo(request.stage())) {
            throw ProblemException.conflict("illegal-stage-transition",
                    "project " + project.code + " is " + from + " and cannot move to " + request.stage()
                            + (from.next().isEmpty() ? "; it is in a final stage" : "; allowed next: " + from.next()),
                    Map.of("currentStage", from, "allowedNextStages", from.next()));
        }
        LocalDate previous = StageChange.latest(projectId).map(c -> c.effectiveDate).orElse(project.registeredOn);
        if (request.effectiveDate().isBefore(previous)) {
            throw ProblemException.conflict("effective-date-before-previous-change",
                    "effectiveDate " + request.effectiveDate() + " is before the project's previous stage change on "
                            + previous, Map.of("previousEffectiveDate", previous));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        StageChange change = new StageChange();
        change.projectId = projectId;
        change.fromStage = from;
        change.toStage = request.stage();
        change.effectiveDate = request.effectiveDate();
        change.note = request.note();
        change.recordedAt = now;
        change.persist();
        project.stage = request.stage();
        project.updatedAt = now;
        project.persistAndFlush();
        outbox.append(ProjectEvents.STAGE_CHANGED, projectId.toString(), project.orgUnit,
                new ProjectEvents.ProjectStageChanged(projectId, project.code, project.orgUnit, from, request.stage(),
                        request.note(), request.effectiveDate()));
        LOG.infof("Project %s moved from %s to %s on %s", project.code, from, request.stage(), request.effectiveDate());
        return ProjectView.of(project);
    }
}
