package org.secure2fa.audit.boundary;

import java.time.LocalDate;

/** One day (UTC) of a project: codes generated, codes verified, and the share verified. */
public record ActivityDay(LocalDate day, long generated, long verified) implements java.io.Serializable {

    public int conversionPercent() {
        return generated == 0 ? 0 : (int) Math.round(100.0 * verified / generated);
    }
}
