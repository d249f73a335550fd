package org.secure2fa.console.app.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.omnifaces.util.Faces;
import org.secure2fa.account.boundary.EnrolmentService;
import org.secure2fa.console.faces.Actions;
import org.secure2fa.console.app.project.KeysDisplay;
import org.secure2fa.console.faces.ConsoleSession;
import org.secure2fa.project.boundary.IssuedKeys;
import org.secure2fa.project.boundary.ProjectService;
import org.secure2fa.project.boundary.ProjectView;

/** The dashboard: the account's projects, and creating one. */
@Named
@RequestScoped
public class DashboardBean {

    @Inject
    ProjectService projects;

    @Inject
    ConsoleSession session;

    @Inject
    KeysDisplay keysDisplay;

    @Inject
    EnrolmentService enrolment;

    private List<ProjectView> list;
    private Long backupCodesLeft;
    private String name;

    public List<ProjectView> getList() {
        if (list == null) {
            list = projects.list(session.getAccountId());
        }
        return list;
    }

    public void create() {
        IssuedKeys keys = Actions.attempt(() -> projects.create(session.getAccountId(), name, Actions.ip()));
        if (keys != null) {
            keysDisplay.show(keys);
            Faces.redirect("app/project.xhtml?id=" + keys.projectId());
        }
    }

    /** How many of the signed-in account's backup codes are unused (the dashboard warns when few are). */
    public long getBackupCodesLeft() {
        if (backupCodesLeft == null) {
            backupCodesLeft = enrolment.backupCodesLeft(session.getAccountId());
        }
        return backupCodesLeft;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
