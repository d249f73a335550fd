/** Start-up concerns of the whole service: the schema. */
package org.secure2fa.platform.boundary;
