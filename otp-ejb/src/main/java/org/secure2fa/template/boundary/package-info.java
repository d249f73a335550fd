/** Message templates of one account and the rules their versions meet; the account's id first, only its templates. */
package org.secure2fa.template.boundary;
