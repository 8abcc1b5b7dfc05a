package io.citykpi.shared.orgunit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

@ApplicationScoped
public class OrgUnitCodeValidator implements ConstraintValidator<OrgUnitCode, String> {

    private final OrgUnitRegistry registry;

    public OrgUnitCodeValidator(OrgUnitRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || registry.exists(value);
    }
}
