package io.citykpi.shared.time;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/** Checks {@link BusinessDate} against the business clock (the validator's clock provider). */
public abstract class BusinessDateValidator<T> implements ConstraintValidator<BusinessDate, T> {

    private int yearsAhead;
    private String message;

    @Override
    public void initialize(BusinessDate annotation) {
        yearsAhead = annotation.yearsAhead();
        message = annotation.message();
    }

    @Override
    public boolean isValid(T value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Clock clock = context.getClockProvider().getClock().withZone(BusinessTime.ZONE);
        LocalDate today = LocalDate.now(clock);
        if (within(value, today, clock)) {
            return true;
        }
        if (message.isEmpty()) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(describe(today)).addConstraintViolation();
        }
        return false;
    }

    abstract boolean within(T value, LocalDate today, Clock clock);

    abstract String describe(LocalDate today);

    String range(LocalDate today, String first, String now) {
        String last = yearsAhead == 0 ? now
                : yearsAhead + (yearsAhead == 1 ? " year" : " years") + " from today (" + latest(today) + ")";
        return "must lie between " + first + " and " + last;
    }

    LocalDate latest(LocalDate today) {
        return BusinessDates.latest(today, yearsAhead);
    }

    public static final class OfLocalDate extends BusinessDateValidator<LocalDate> {
        @Override
        boolean within(LocalDate value, LocalDate today, Clock clock) {
            return !value.isBefore(BusinessDates.EARLIEST) && !value.isAfter(latest(today));
        }

        @Override
        String describe(LocalDate today) {
            return range(today, BusinessDates.EARLIEST.toString(), "today (" + today + ")");
        }
    }

    public static final class OfYearMonth extends BusinessDateValidator<YearMonth> {
        @Override
        boolean within(YearMonth value, LocalDate today, Clock clock) {
            return !value.atDay(1).isBefore(BusinessDates.EARLIEST) && !value.atDay(1).isAfter(latest(today));
        }

        @Override
        String describe(LocalDate today) {
            return range(today, YearMonth.from(BusinessDates.EARLIEST).toString(),
                    "the current month (" + YearMonth.from(today) + ")");
        }
    }

    public static final class OfOffsetDateTime extends BusinessDateValidator<OffsetDateTime> {
        @Override
        boolean within(OffsetDateTime value, LocalDate today, Clock clock) {
            // Instants, not local dates: converting year +999999999 to another offset would overflow.
            if (value.toInstant().isBefore(BusinessDates.EARLIEST.atStartOfDay(BusinessTime.ZONE).toInstant())) {
                return false;
            }
            if (latest(today).equals(today)) {
                return !value.toInstant().isAfter(clock.instant());
            }
            return value.toInstant().isBefore(latest(today).plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
        }

        @Override
        String describe(LocalDate today) {
            return range(today, BusinessDates.EARLIEST + "T00:00:00+08:00", "now");
        }
    }
}
