/** Generated codes and the per-user counters that guard them. */
package org.secure2fa.challenge.entity;
