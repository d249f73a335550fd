/** Projects: the integrator-facing unit with public and secret keys. */
package org.secure2fa.project.entity;
