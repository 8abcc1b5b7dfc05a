package io.citykpi.shared.contract.safety;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "GENERAL 一般隐患, MAJOR 重大隐患 (deadline at most one year after discovery; may be listed for supervision)")
public enum Severity {
    GENERAL, MAJOR
}
