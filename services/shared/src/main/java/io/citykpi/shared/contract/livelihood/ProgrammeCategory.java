package io.citykpi.shared.contract.livelihood;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "OLD_ESTATE_RENOVATION 老旧小区改造, AGE_FRIENDLY_RETROFIT 适老化改造, RAIN_SEWAGE_SEPARATION 雨污分流, "
        + "LOW_VOLTAGE_UNDERGROUNDING 弱电入地, CARE_CENTRE 托幼/养老, OTHER 其他")
public enum ProgrammeCategory {
    OLD_ESTATE_RENOVATION, AGE_FRIENDLY_RETROFIT, RAIN_SEWAGE_SEPARATION, LOW_VOLTAGE_UNDERGROUNDING, CARE_CENTRE, OTHER
}
