package org.secure2fa.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secure2fa.incontainer.Fixtures.TestProject;
import org.secure2fa.platform.control.SettingsEpoch;
import org.secure2fa.project.control.ProjectDirectory;

/**
 * A project change committed by another node (a write to the shared database, with the settings epoch
 * moved on as every boundary that changes a project does) reaches this node's project cache within a
 * second; the same write without the epoch stays unseen while the cached entry lives, which is what the
 * epoch is for.
 */
@ExtendWith(ArquillianExtension.class)
class SettingsEpochIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule();
    }

    @Inject
    ProjectDirectory directory;

    @Inject
    SettingsEpoch epoch;

    @EJB
    Fixtures fixtures;

    private boolean templateRequests(TestProject project) {
        return directory.byPublicKey(project.publicKey(), System.currentTimeMillis()).orElseThrow().templateRequests();
    }

    @Test
    void aChangeCommittedByAnotherNodeIsInForceHereWithinASecond() throws Exception {
        TestProject project = fixtures.project();
        // making the project moved the epoch on too: wait until this node has seen that, so the entry
        // cached next is one the watch has no reason to drop
        long deadline = System.currentTimeMillis() + 5_000;
        while (epoch.seen() != fixtures.number("select epoch from settings_epoch where id = 1")
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        boolean before = templateRequests(project);
        assertEquals(1, fixtures.execute("update project set template_requests = ? where id = ?", !before, project.id()));
        assertEquals(before, templateRequests(project), "cached: a write alone is not seen at once");

        fixtures.execute("update settings_epoch set epoch = epoch + 1 where id = 1");
        long start = System.nanoTime();
        while (templateRequests(project) == before && System.nanoTime() - start < 3_000_000_000L) {
            Thread.sleep(20);
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(!before, templateRequests(project), "the change is in force after the epoch moved");
        assertTrue(elapsedMs < 1_000, "in force after " + elapsedMs + " ms");
    }
}
