package org.secure2fa.console.app.tokens;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.secure2fa.console.faces.Actions;
import org.secure2fa.console.faces.ConsoleSession;
import org.secure2fa.console.faces.Texts;
import org.secure2fa.project.boundary.ProjectService;
import org.secure2fa.project.boundary.ProjectView;
import org.secure2fa.token.boundary.ApiTokenService;
import org.secure2fa.token.boundary.ApiTokenView;
import org.secure2fa.token.boundary.IssuedToken;
import org.secure2fa.token.boundary.TokenRequest;

/**
 * app/tokens.xhtml: the account's management-API tokens; making one (shown once, then never again) and
 * revoking one.
 */
@Named
@ViewScoped
public class TokensBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ApiTokenService tokens;

    @Inject
    ProjectService projects;

    @Inject
    ConsoleSession session;

    private String name;
    private boolean writes;
    private List<Long> projectIds;
    private int days = 90;
    /** The token just made: shown on this view only, never kept in the session. */
    private transient String issued;
    private transient List<ApiTokenView> list;
    private transient List<ProjectView> projectList;
    private transient Map<Long, String> projectNames;

    public void create() {
        IssuedToken token = Actions.attempt(() -> tokens.create(session.getAccountId(),
                new TokenRequest(name, writes, projectIds == null ? null : new HashSet<>(projectIds), days), Actions.ip()));
        if (token == null) {
            return;
        }
        issued = token.token();
        name = null;
        projectIds = null;
        list = null;
        Messages.addGlobalInfo("bean.tokens.created", token.view().name());
    }

    public void revoke(long id) {
        ApiTokenView revoked = Actions.attempt(() -> tokens.revoke(session.getAccountId(), id, Actions.ip()));
        if (revoked != null) {
            list = null;
            Messages.addGlobalInfo("bean.tokens.revoked", revoked.name());
        }
    }

    public void hideToken() {
        issued = null;
    }

    public List<ApiTokenView> getTokens() {
        if (list == null) {
            list = tokens.list(session.getAccountId());
        }
        return list;
    }

    /** The account's projects, read once per view (Faces asks for the choices in several phases). */
    public List<ProjectView> getProjects() {
        if (projectList == null) {
            projectList = projects.list(session.getAccountId());
        }
        return projectList;
    }

    /** What a token reaches, in words: all projects, or the names of the chosen ones. */
    public String reach(ApiTokenView token) {
        if (token.projects().isEmpty()) {
            return Texts.of("bean.tokens.reach.all");
        }
        if (projectNames == null) {
            projectNames = getProjects().stream().collect(Collectors.toMap(ProjectView::id, ProjectView::name));
        }
        return token.projects().stream().map(id -> projectNames.getOrDefault(id, "#" + id))
                .collect(Collectors.joining(", "));
    }

    /** Active, revoked or expired. */
    public String state(ApiTokenView token) {
        return Texts.of(token.revokedAt() != null ? "bean.tokens.state.revoked"
                : token.expiresAt() <= System.currentTimeMillis() ? "bean.tokens.state.expired" : "bean.tokens.state.active");
    }

    public boolean isActive(ApiTokenView token) {
        return token.revokedAt() == null && token.expiresAt() > System.currentTimeMillis();
    }

    /** The URL of the public keys that verify the tokens. */
    public String getJwksUrl() {
        return Faces.getRequestDomainURL() + "/api/v1/jwks";
    }

    public String getIssued() { return issued; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isWrites() { return writes; }
    public void setWrites(boolean writes) { this.writes = writes; }
    public List<Long> getProjectIds() { return projectIds; }
    public void setProjectIds(List<Long> projectIds) { this.projectIds = projectIds; }
    public int getDays() { return days; }
    public void setDays(int days) { this.days = days; }
}
