/** Rendering templates with a code. */
package org.secure2fa.template.control;
