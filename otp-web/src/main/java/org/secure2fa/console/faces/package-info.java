/**
 * What every console page relies on: who is signed in ({@link org.secure2fa.console.faces.ConsoleSession}),
 * the filters (sign-in required under {@code /app/}, security headers), an expired or forged form, how a bean
 * calls a boundary ({@link org.secure2fa.console.faces.Actions}) and the texts' bundle
 * ({@link org.secure2fa.console.faces.Texts}). Faces plumbing otherwise is OmniFaces'.
 */
package org.secure2fa.console.faces;
