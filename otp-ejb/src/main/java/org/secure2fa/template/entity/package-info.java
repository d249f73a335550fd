/** Message templates and their per-language versions. */
package org.secure2fa.template.entity;
