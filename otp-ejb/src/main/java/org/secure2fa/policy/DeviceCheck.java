package org.secure2fa.policy;

/** Which of the device facts given at generate time must match at verify time. */
public enum DeviceCheck {
    OFF, USER_AGENT, IP_AND_USER_AGENT;

    public boolean checksIp() {
        return this == IP_AND_USER_AGENT;
    }

    public boolean checksUserAgent() {
        return this != OFF;
    }
}
