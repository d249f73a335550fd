package org.secure2fa.audit.boundary;

/** One generate or verify call of a project, as the activity table shows it. */
public record ActivityEvent(long at, String kind, String recipient, String outcome, String deliveryStatus, String ip)
        implements java.io.Serializable {
}
