package io.citykpi.shared.orgunit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The organisation-unit tree every service validates against. Loaded from
 * {@code citykpi.org-units.file} when set (a deployment's own city), else from the bundled
 * {@code citykpi/org-units.json} (Liaoyuan).
 */
@ApplicationScoped
public class OrgUnitRegistry {

    private static final String BUNDLED = "citykpi/org-units.json";

    @ConfigProperty(name = "citykpi.org-units.file")
    Optional<Path> file;

    private Map<String, OrgUnit> byCode;
    private List<OrgUnit> ordered;
    private OrgUnit root;

    @PostConstruct
    void load() {
        index(read());
    }

    /** A registry over the bundled tree, for code that runs outside CDI (unit tests, tools). */
    public static OrgUnitRegistry bundled() {
        OrgUnitRegistry registry = new OrgUnitRegistry();
        registry.file = Optional.empty();
        registry.load();
        return registry;
    }

    private void index(List<OrgUnit> units) {
        Map<String, OrgUnit> map = new LinkedHashMap<>();
        for (OrgUnit unit : units) {
            if (map.put(unit.code(), unit) != null) {
                throw new IllegalStateException("organisation unit " + unit.code() + " is listed twice");
            }
        }
        List<OrgUnit> roots = units.stream().filter(OrgUnit::isRoot).toList();
        if (roots.size() != 1) {
            throw new IllegalStateException("the organisation-unit tree needs exactly one root, found " + roots.size());
        }
        for (OrgUnit unit : units) {
            if (unit.parent() != null && !map.containsKey(unit.parent())) {
                throw new IllegalStateException("organisation unit " + unit.code() + " has unknown parent " + unit.parent());
            }
        }
        this.byCode = Map.copyOf(map);
        this.root = roots.get(0);
        this.ordered = List.copyOf(units);
    }

    private List<OrgUnit> read() {
        ObjectMapper mapper = new ObjectMapper();
        TypeReference<List<OrgUnit>> type = new TypeReference<>() {
        };
        try {
            if (file.isPresent()) {
                try (InputStream in = Files.newInputStream(file.get())) {
                    return mapper.readValue(in, type);
                }
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED + " is missing from the classpath");
                }
                return mapper.readValue(in, type);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read organisation units: " + e.getMessage(), e);
        }
    }

    public boolean exists(String code) {
        return code != null && byCode.containsKey(code);
    }

    public Optional<OrgUnit> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public OrgUnit root() {
        return root;
    }

    /** Every unit, root first, in the order of the source file. */
    public List<OrgUnit> all() {
        return ordered;
    }

    public List<OrgUnit> children(String code) {
        return ordered.stream().filter(unit -> code.equals(unit.parent())).toList();
    }

    /** The unit and everything below it: the units a filter on this unit covers. */
    public List<String> selfAndDescendants(String code) {
        List<String> codes = new ArrayList<>();
        if (byCode.containsKey(code)) {
            codes.add(code);
            children(code).forEach(child -> codes.addAll(selfAndDescendants(child.code())));
        }
        return codes;
    }

    /** The unit itself, then its parent, up to the root: the levels a fact rolls up to. */
    public List<OrgUnit> selfAndAncestors(String code) {
        List<OrgUnit> chain = new ArrayList<>();
        OrgUnit unit = byCode.get(code);
        while (unit != null) {
            chain.add(unit);
            unit = unit.parent() == null ? null : byCode.get(unit.parent());
        }
        return chain;
    }
}
