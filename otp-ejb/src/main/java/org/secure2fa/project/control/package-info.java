/** Looking up projects and their keys for the public API. */
package org.secure2fa.project.control;
