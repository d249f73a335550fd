package org.secure2fa.manage.activity;

import java.time.LocalDate;
import org.secure2fa.audit.boundary.ActivityDay;

/** One day (UTC): codes generated, codes verified, and the share verified in percent. */
public record DayCount(LocalDate day, long generated, long verified, int conversionPercent) {

    static DayCount of(ActivityDay day) {
        return new DayCount(day.day(), day.generated(), day.verified(), day.conversionPercent());
    }
}
