package io.citykpi.shared.contract.livelihood;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Unit of a programme's quantities: SQUARE_METRES m², HOUSEHOLDS 户, ESTATES 个小区, KILOMETRES km, "
        + "PLACES 个/处 (care places, centres)")
public enum QuantityUnit {
    SQUARE_METRES, HOUSEHOLDS, ESTATES, KILOMETRES, PLACES
}
