package org.secure2fa.project.control;

/**
 * Fired (synchronously, in the deleting transaction) just before a project's row goes: each feature
 * that keeps rows of the project observes it and deletes them, so the project feature never touches
 * another feature's tables. The audit log keeps its events.
 */
public record ProjectDeleting(long projectId) {
}
