package io.citykpi.shared.contract.livelihood;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "MINIMUM_LIVING_ALLOWANCE 低保, EXTREME_POVERTY_SUPPORT 特困供养, TEMPORARY_ASSISTANCE 临时救助, OTHER 其他")
public enum AssistanceCategory {
    MINIMUM_LIVING_ALLOWANCE, EXTREME_POVERTY_SUPPORT, TEMPORARY_ASSISTANCE, OTHER
}
