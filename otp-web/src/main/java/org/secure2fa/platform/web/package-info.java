/** The service's own HTTP plumbing outside the console: health endpoints on the public port. */
package org.secure2fa.platform.web;
