package io.citykpi.shared.orgunit;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The value is the code of a known organisation unit (null is left to {@code @NotNull}). */
@Documented
@Constraint(validatedBy = OrgUnitCodeValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OrgUnitCode {

    String message() default "must be a known organisation unit code (GET /api/v1/org-units on the gateway lists them)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
