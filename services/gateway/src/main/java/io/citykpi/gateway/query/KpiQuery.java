package io.citykpi.gateway.query;

import io.citykpi.gateway.period.Period;
import io.citykpi.gateway.period.Window;
import io.citykpi.shared.problem.InvalidFieldsException;
import io.citykpi.shared.time.BusinessTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What a KPI question asks: a period, the business date to read it on, and optionally the moment
 * whose knowledge to use (only events recorded by then), to reproduce a past bulletin exactly.
 */
public record KpiQuery(Period period, LocalDate asOf, OffsetDateTime knownAt) {

    public Window window() {
        return new Window(period, asOf);
    }

    /**
     * Reads the query parameters every KPI endpoint shares. A period wins over a year; a year alone
     * means the whole year; asOf defaults to today in Asia/Shanghai.
     */
    public static KpiQuery of(Integer year, String period, LocalDate asOf, OffsetDateTime knownAt, Clock clock) {
        Period chosen;
        if (period != null && !period.isBlank()) {
            chosen = Period.parse(period).orElseThrow(() -> InvalidFieldsException.of("period", "Format", Period.FORMAT));
            if (year != null && year != chosen.year()) {
                throw InvalidFieldsException.of("year", "MatchesPeriod", "must be the year of period " + period);
            }
        } else if (year != null) {
            chosen = Period.year(year);
        } else {
            throw InvalidFieldsException.of("year", "NotNull", "give a year or a period");
        }
        if (chosen.year() < 2000 || chosen.year() > 2100) {
            throw InvalidFieldsException.of(period != null ? "period" : "year", "Range", "must lie between 2000 and 2100");
        }
        if (asOf != null && (asOf.getYear() < 2000 || asOf.getYear() > 2100)) {
            throw InvalidFieldsException.of("asOf", "Range", "must lie between 2000-01-01 and 2100-12-31");
        }
        return new KpiQuery(chosen, asOf != null ? asOf : BusinessTime.today(clock), knownAt);
    }
}
