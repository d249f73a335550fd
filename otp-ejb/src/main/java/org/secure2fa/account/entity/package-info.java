/** Console accounts and their unused backup codes. */
package org.secure2fa.account.entity;
