package org.secure2fa.manage.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A project to create: its name; the rest is set with PUT once there are a channel and a template. */
public record NewProject(@NotBlank @Size(max = 100) String name) {
}
