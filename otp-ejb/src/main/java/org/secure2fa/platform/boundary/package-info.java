/**
 * What the whole service shares at its edge: the schema's migration and housekeeping at start-up, and
 * the business exceptions every boundary throws.
 */
package org.secure2fa.platform.boundary;
