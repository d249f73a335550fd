package org.secure2fa.audit.boundary;

import java.util.List;

/** One page of a project's events, newest first, and the cursor of the next page (null on the last). */
public record EventPage(List<ActivityEvent> events, String next) {
}
