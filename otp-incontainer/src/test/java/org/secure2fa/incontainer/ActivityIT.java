package org.secure2fa.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secure2fa.audit.boundary.ActivityEvent;
import org.secure2fa.audit.boundary.ActivityFilter;
import org.secure2fa.audit.boundary.ActivityService;
import org.secure2fa.challenge.boundary.ChallengeService;
import org.secure2fa.challenge.boundary.GenerateCommand;
import org.secure2fa.challenge.boundary.GenerateStatus;
import org.secure2fa.incontainer.Fixtures.TestProject;

/**
 * The activity table's pages on H2 (the database of this container), where EclipseLink's own paging of
 * the events query failed for every page but the first.
 */
@ExtendWith(ArquillianExtension.class)
class ActivityIT {

    private static final int EVENTS = 130;

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule();
    }

    @EJB
    ChallengeService challenges;

    @EJB
    ActivityService activity;

    @EJB
    Fixtures fixtures;

    @Test
    void everyPageOfTheActivityTableLoadsAndTheyDoNotOverlap() {
        TestProject project = fixtures.project();
        for (int i = 0; i < EVENTS; i++) {
            var result = challenges.generate(new GenerateCommand(project.publicKey(),
                    project.encrypt("user-" + UUID.randomUUID() + "#user" + i + "@example.com"), null, null, null, true));
            assertEquals(GenerateStatus.GENERATED, result.status());
        }
        assertEquals(EVENTS, activity.count(project.accountId(), project.id(), null));

        List<ActivityEvent> all = new ArrayList<>();
        for (int first = 0; first < EVENTS; first += 25) {
            List<ActivityEvent> page = activity.events(project.accountId(), project.id(), null, first, 25);
            assertEquals(Math.min(25, EVENTS - first), page.size(), "page from " + first);
            all.addAll(page);
        }
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).at() >= all.get(i).at(), "newest first across pages");
        }
        assertEquals(EVENTS, all.size());
        assertTrue(activity.events(project.accountId(), project.id(), null, EVENTS, 25).isEmpty(), "past the end");

        // the table's page sizes, with and without filters
        for (var filter : List.of(new ActivityFilter("GENERATE", null, null),
                new ActivityFilter(null, "RENDERED", "example"))) {
            assertEquals(EVENTS, activity.count(project.accountId(), project.id(), filter));
            for (int size : new int[] {10, 25, 50, 100}) {
                for (int first = 0; first < EVENTS; first += size) {
                    assertEquals(Math.min(size, EVENTS - first),
                            activity.events(project.accountId(), project.id(), filter, first, size).size(),
                            filter + ", " + size + " from " + first);
                }
            }
        }
    }
}
