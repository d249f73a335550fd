package org.secure2fa.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secure2fa.challenge.boundary.ChallengeService;
import org.secure2fa.challenge.boundary.GenerateCommand;
import org.secure2fa.incontainer.Fixtures.TestProject;
import org.secure2fa.platform.boundary.NotFoundException;
import org.secure2fa.project.boundary.ProjectService;

/**
 * A project's deletion reaches the rows other features keep for it (codes, per-user counters, outbox
 * rows: each feature deletes its own when told), leaves other projects' rows alone, keeps the audit
 * log, and is refused as "not found" to another account.
 */
@ExtendWith(ArquillianExtension.class)
class ProjectDeletionIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule();
    }

    @EJB
    ProjectService projects;

    @EJB
    ChallengeService challenges;

    @EJB
    Fixtures fixtures;

    @Test
    void deletingAProjectDeletesItsCodesCountersAndDeliveriesOnly() {
        TestProject doomed = fixtures.project();
        TestProject kept = fixtures.project();
        generate(doomed, false);
        generate(doomed, true);
        generate(kept, false);
        generate(kept, true);
        String[] tables = {"challenge", "end_user", "delivery"};
        long[] keptBefore = new long[tables.length];
        for (int i = 0; i < tables.length; i++) {
            assertTrue(count(tables[i], doomed) > 0, "the project has " + tables[i] + " rows to delete");
            keptBefore[i] = count(tables[i], kept);
        }

        assertThrows(NotFoundException.class, () -> projects.delete(kept.accountId(), doomed.id(), Fixtures.IP),
                "another account's project is not found");
        assertEquals(1, count("project", doomed.id(), "id"), "the refused delete left the project");

        projects.delete(doomed.accountId(), doomed.id(), Fixtures.IP);

        assertEquals(0, count("project", doomed.id(), "id"));
        for (int i = 0; i < tables.length; i++) {
            assertEquals(0, count(tables[i], doomed), tables[i] + " rows of the deleted project");
            assertEquals(keptBefore[i], count(tables[i], kept), tables[i] + " rows of another project");
        }
        assertEquals(1, fixtures.number("select count(*) from audit_event where project_id = ? and action = 'PROJECT_DELETED'",
                doomed.id()), "the audit log keeps the project's events");
        assertEquals(1, fixtures.number("select count(*) from audit_event where project_id = ? and action = 'PROJECT_CREATED'",
                doomed.id()), "including those before the deletion");
    }

    private void generate(TestProject project, boolean queue) {
        challenges.generate(new GenerateCommand(project.publicKey(),
                project.encrypt((queue ? "user-2" : "user-1") + "#user@example.com"), null, null, null, !queue));
    }

    private long count(String table, TestProject project) {
        return count(table, project.id(), "project_id");
    }

    private long count(String table, long id, String column) {
        return fixtures.number("select count(*) from " + table + " where " + column + " = ?", id);
    }
}
