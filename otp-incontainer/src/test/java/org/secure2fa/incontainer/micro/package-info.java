/** Arquillian's side of the test run, on the client only (never in the test WAR): one Micro for all classes. */
package org.secure2fa.incontainer.micro;
