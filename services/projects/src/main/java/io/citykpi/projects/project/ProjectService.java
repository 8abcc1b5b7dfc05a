package io.citykpi.projects.project;

import io.citykpi.shared.contract.projects.ProjectEvents;
import io.citykpi.shared.contract.projects.ProjectStage;
import io.citykpi.shared.contract.projects.SizeClass;
import io.citykpi.projects.investment.InvestmentReport;
import io.citykpi.projects.plan.AnnualPlan;
import io.citykpi.projects.stage.StageChange;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.outbox.Outbox;
import io.citykpi.shared.paging.PageView;
import io.citykpi.shared.paging.SortSpec;
import io.citykpi.shared.problem.InvalidFieldsException;
import io.citykpi.shared.problem.ProblemException;
import io.citykpi.shared.security.WriteScope;
import io.citykpi.shared.time.BusinessTime;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The rules of the key-project register. Every change commits together with its event. */
@ApplicationScoped
public class ProjectService {

    private static final Logger LOG = Logger.getLogger(ProjectService.class);
    private static final Map<String, String> SORTABLE = Map.of("code", "code", "name", "name",
            "totalInvestment", "totalInvestment", "registeredOn", "registeredOn", "updatedAt", "updatedAt",
            "orgUnit", "orgUnit", "stage", "stage");

    private final Outbox outbox;
    private final Clock clock;
    private final OrgUnitRegistry orgUnits;
    private final WriteScope writeScope;

    public ProjectService(Outbox outbox, Clock clock, OrgUnitRegistry orgUnits, WriteScope writeScope) {
        this.outbox = outbox;
        this.clock = clock;
        this.orgUnits = orgUnits;
        this.writeScope = writeScope;
    }

    @Transactional
    public ProjectView register(RegisterProjectRequest request) {
        return ProjectView.of(registerProject(request));
    }

    /** Registers without its own transaction boundary, so an import can register many in one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Project registerProject(RegisterProjectRequest request) {
        writeScope.check(request.orgUnit());
        ProjectStage initial = request.initialStage() == null ? ProjectStage.PLANNED : request.initialStage();
        if (!initial.isValidInitialStage()) {
            throw InvalidFieldsException.of("initialStage", "InitialStage",
                    "a project cannot enter the register " + initial + "; use PLANNED to UNDER_CONSTRUCTION, COMPLETED "
                            + "or IN_PRODUCTION");
        }
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
        project.totalInvestment = money(request.totalInvestment());
        project.leadUnit = request.leadUnit();
        project.location = request.location();
        project.description = request.description();
        project.stage = initial;
        project.registeredOn = request.registeredOn() != null ? request.registeredOn() : BusinessTime.today(clock);
        project.recordedAt = now;
        project.updatedAt = now;
        project.persistAndFlush();

        StageChange entry = new StageChange();
        entry.projectId = project.id;
        entry.toStage = initial;
        entry.effectiveDate = project.registeredOn;
        entry.note = "entered the register";
        entry.recordedAt = now;
        entry.persist();

        outbox.append(ProjectEvents.REGISTERED, project.id.toString(), project.orgUnit,
                new ProjectEvents.ProjectRegistered(project.id, project.code, project.name, project.orgUnit,
                        project.sector, project.constructionType, project.totalInvestment, project.sizeClass(), project.stage,
                        project.leadUnit, project.location, project.registeredOn));
        LOG.infof("Registered project %s %s (%s, %s万元, %s) in org unit %s", project.code, project.name,
                project.sizeClass(), project.totalInvestment.toPlainString(), initial, project.orgUnit);
        return project;
    }

    @Transactional
    public ProjectView update(UUID id, UpdateProjectRequest request) {
        Project project = Project.findForUpdate(id).orElseThrow(() -> notFound(id));
        writeScope.check(project.orgUnit, request.orgUnit());
        if (project.version != request.version()) {
            throw ProblemException.conflict("stale-version", "project " + project.code + " was changed since version "
                    + request.version() + " was read; read it again and reapply the edit",
                    Map.of("currentVersion", project.version));
        }
        Map<String, ProjectEvents.Change> changes = new LinkedHashMap<>();
        project.name = changed(changes, "name", project.name, request.name().strip());
        project.orgUnit = changed(changes, "orgUnit", project.orgUnit, request.orgUnit());
        project.sector = changed(changes, "sector", project.sector, request.sector());
        project.constructionType = changed(changes, "constructionType", project.constructionType, request.constructionType());
        project.totalInvestment = changed(changes, "totalInvestment", project.totalInvestment, money(request.totalInvestment()));
        project.leadUnit = changed(changes, "leadUnit", project.leadUnit, request.leadUnit());
        project.location = changed(changes, "location", project.location, request.location());
        project.description = changed(changes, "description", project.description, request.description());
        if (changes.isEmpty()) {
            return ProjectView.of(project);
        }
        project.updatedAt = OffsetDateTime.now(clock);
        project.persistAndFlush();
        outbox.append(ProjectEvents.UPDATED, project.id.toString(), project.orgUnit,
                new ProjectEvents.ProjectUpdated(project.id, project.code, project.orgUnit, project.sizeClass(), changes,
                        BusinessTime.today(clock)));
        LOG.infof("Updated project %s: %s", project.code, changes.keySet());
        return ProjectView.of(project);
    }

    /**
     * A project about to change: locked against concurrent writers, and only if the caller may write for
     * its org unit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Project lockForWrite(UUID id) {
        Project project = Project.findForUpdate(id).orElseThrow(() -> notFound(id));
        writeScope.check(project.orgUnit);
        return project;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectDetailView detail(UUID id) {
        Project project = Project.<Project>findByIdOptional(id).orElseThrow(() -> notFound(id));
        List<InvestmentReport> reports = InvestmentReport.forProject(id);
        return new ProjectDetailView(ProjectView.of(project),
                AnnualPlan.forProject(id).stream().map(ProjectDetailView.PlanView::of).toList(),
                StageChange.history(id).stream().map(ProjectDetailView.StageChangeView::of).toList(),
                reports.stream().map(ProjectDetailView.InvestmentView::of).toList(),
                reports.stream().map(r -> r.amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<ProjectView> list(ProjectFilter filter, String sort, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.orgUnit() != null) {
            where.add("orgUnit in :orgUnits");
            params.put("orgUnits", orgUnits.selfAndDescendants(filter.orgUnit()));
        }
        if (filter.stage() != null) {
            where.add("stage = :stage");
            params.put("stage", filter.stage());
        }
        if (filter.sector() != null) {
            where.add("sector = :sector");
            params.put("sector", filter.sector());
        }
        if (filter.sizeClass() != null) {
            switch (filter.sizeClass()) {
                case BELOW_KEY -> where.add("totalInvestment < " + SizeClass.KEY_THRESHOLD);
                case KEY -> where.add("totalInvestment >= " + SizeClass.KEY_THRESHOLD
                        + " and totalInvestment < " + SizeClass.HUNDRED_MILLION);
                case OVER_100M -> where.add("totalInvestment >= " + SizeClass.HUNDRED_MILLION
                        + " and totalInvestment < " + SizeClass.BILLION);
                case OVER_1B -> where.add("totalInvestment >= " + SizeClass.BILLION);
            }
        }
        if (filter.statRegistered() != null) {
            where.add(filter.statRegistered() ? "statRegisteredOn is not null" : "statRegisteredOn is null");
        }
        if (filter.planYear() != null) {
            where.add("id in (select p.projectId from AnnualPlan p where p.year = :planYear)");
            params.put("planYear", filter.planYear());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("(lower(name) like :text escape '\\' or lower(code) like :text escape '\\')");
            params.put("text", "%" + filter.text().strip().toLowerCase()
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        PanacheQuery<Project> query = Project.find(String.join(" and ", where.isEmpty() ? List.of("true = true") : where),
                sort(sort), params);
        long total = query.count();
        List<ProjectView> items = query.page(Page.of(page, size)).list().stream().map(ProjectView::of).toList();
        return PageView.of(items, page, size, total);
    }

    static Sort sort(String spec) {
        return SortSpec.parse(spec, "code", SORTABLE, "code");
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static <T> T changed(Map<String, ProjectEvents.Change> changes, String field, T from, T to) {
        boolean same = from instanceof BigDecimal a && to instanceof BigDecimal b ? a.compareTo(b) == 0 : Objects.equals(from, to);
        if (!same) {
            changes.put(field, new ProjectEvents.Change(from, to));
        }
        return to;
    }

    public static ProblemException notFound(UUID id) {
        return ProblemException.notFound("project", id);
    }

    private static ProblemException duplicateCode(String code) {
        return ProblemException.conflict("duplicate-code", "a project with code " + code + " is already registered",
                Map.of("code", code));
    }
}
