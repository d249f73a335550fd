/**
 * The console's beans, in packages that follow its pages: a page {@code /x.xhtml} is backed by
 * {@code console.x}, a signed-in page {@code /app/x.xhtml} by {@code console.app.x} (one bean per page
 * with behaviour of its own; {@code console.app} holds the signed-in pages' layout). The plumbing that
 * serves every page (session, filters, failures, texts) is {@code console.faces}. Beans call the features'
 * boundaries, as the management API does, and turn their refusals into messages.
 */
package org.secure2fa.console;
