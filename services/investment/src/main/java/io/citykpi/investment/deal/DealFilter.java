package io.citykpi.investment.deal;

import io.citykpi.shared.contract.investment.DealSizeClass;
import io.citykpi.shared.contract.investment.DealStatus;
import io.citykpi.shared.sector.Sector;
import java.time.LocalDate;

/** Filters of the deal list; null means "any". */
public record DealFilter(String orgUnit, DealStatus status, Sector sector, DealSizeClass sizeClass, LocalDate signedFrom,
                         LocalDate signedTo, String origin) {
}
