package org.secure2fa.manage.project;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.secure2fa.policy.DeviceCheck;
import org.secure2fa.project.boundary.ProjectChanges;

/**
 * A project's settings as a PUT replaces them: each policy field null for the server's default, channel
 * and template null for none (a project needs both to issue codes).
 */
public record ProjectSettings(@NotBlank @Size(max = 100) String name,
                              @Min(4) @Max(10) Integer codeDigits,
                              @Min(1) @Max(60) Integer codeLifetimeMinutes,
                              @Min(1) @Max(10) Integer maxAttempts,
                              DeviceCheck deviceCheck,
                              Long channelId,
                              Long templateId,
                              @NotNull Boolean templateRequests) {

    ProjectChanges changes() {
        return new ProjectChanges(name, codeDigits, codeLifetimeMinutes, maxAttempts, deviceCheck, channelId, templateId,
                templateRequests);
    }
}
