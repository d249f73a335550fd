/** Logic of challenges (payload parsing, recipients, codes) and purging a deleted project's codes. */
package org.secure2fa.challenge.control;
