/** Console accounts. */
package org.secure2fa.account.entity;
