/** Looking up projects and their keys for the public API, new key material, and the project-deleted event. */
package org.secure2fa.project.control;
