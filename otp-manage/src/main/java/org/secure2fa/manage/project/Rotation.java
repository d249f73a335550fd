package org.secure2fa.manage.project;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A secret-key rotation: how many hours the old secret still works (0: not at all). */
public record Rotation(@NotNull @Min(0) @Max(72) Integer graceHours) {
}
