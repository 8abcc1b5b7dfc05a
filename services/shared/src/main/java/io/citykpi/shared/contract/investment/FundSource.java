package io.citykpi.shared.contract.investment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Where arrived funds come from: DOMESTIC 内资, FOREIGN 外资")
public enum FundSource {
    DOMESTIC,
    FOREIGN
}
