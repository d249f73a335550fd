/** MicroProfile Health checks: liveness, and readiness of the database, schema and delivery backlog. */
package org.secure2fa.platform.health;
