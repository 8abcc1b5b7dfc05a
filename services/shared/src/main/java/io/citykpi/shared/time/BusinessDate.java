package io.citykpi.shared.time;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A business date (an effective date, a reporting month, a deadline) in the range the platform
 * accepts: not before {@link BusinessDates#EARLIEST} (2000-01-01), and not after today, or not more
 * than {@link #yearsAhead()} years after today for a date that lies ahead, such as a deadline. Judged
 * on the business clock (Asia/Shanghai). For a month: it has begun ({@code yearsAhead = 0}). For a
 * timestamp: it is not later than now. null is left to {@code @NotNull}.
 *
 * <p>Without it, year 0 and negative years were accepted and broke every consumer downstream.
 */
@Documented
@Constraint(validatedBy = {BusinessDateValidator.OfLocalDate.class, BusinessDateValidator.OfYearMonth.class,
        BusinessDateValidator.OfOffsetDateTime.class})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface BusinessDate {

    /** How many years after today the value may lie; 0 for something that has already happened. */
    int yearsAhead() default 0;

    /** Replaced by a message that states the range, unless given. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
