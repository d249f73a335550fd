package org.secure2fa.delivery.spi;

/** How a code reaches a person. */
public enum ChannelType {
    EMAIL, SMS
}
