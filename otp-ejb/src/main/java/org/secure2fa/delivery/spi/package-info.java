/** The delivery-provider SPI: what a provider is, what it is asked to send and what it answers. */
package org.secure2fa.delivery.spi;
