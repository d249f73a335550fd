/** What the HTTP delivery providers share: the client, answer mapping, AWS SigV4. */
package org.secure2fa.delivery.provider.http;
