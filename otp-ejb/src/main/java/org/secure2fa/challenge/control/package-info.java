/** Pure logic of challenges: payload parsing, recipients, codes. */
package org.secure2fa.challenge.control;
