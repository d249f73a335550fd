package org.secure2fa.manage.project;

import org.secure2fa.project.boundary.ProjectView;

/** A project with its new secret key: the only answers that carry a secret (create and rotate). */
public record IssuedSecret(ProjectView project, String secretKey) {

    @Override
    public String toString() {
        return "IssuedSecret[" + project + ", secret hidden]";
    }
}
