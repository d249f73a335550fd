package org.secure2fa.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * The transactional outbox: one message, written in the same transaction as its challenge and sent
 * after commit. The payload (recipient, subject, bodies: it contains the code) is sealed and erased
 * once the message has left or failed for good.
 */
@Entity
@Table(name = "delivery")
@NamedQuery(name = "Delivery.findDue", query = "select d.id from Delivery d where "
        + "(d.status = org.secure2fa.delivery.entity.DeliveryStatus.PENDING and d.nextAttemptAt <= :now) "
        + "or (d.status = org.secure2fa.delivery.entity.DeliveryStatus.SENDING and d.claimedUntil < :now) "
        + "order by d.nextAttemptAt")
@NamedQuery(name = "Delivery.claim", query = "update Delivery d set d.status = org.secure2fa.delivery.entity.DeliveryStatus.SENDING, "
        + "d.claimedUntil = :until, d.attempts = d.attempts + 1, d.updatedAt = :now where d.id = :id and ("
        + "(d.status = org.secure2fa.delivery.entity.DeliveryStatus.PENDING and d.nextAttemptAt <= :now) "
        + "or (d.status = org.secure2fa.delivery.entity.DeliveryStatus.SENDING and d.claimedUntil < :now))")
@NamedQuery(name = "Delivery.extendClaim", query = "update Delivery d set d.claimedUntil = :until where d.id = :id "
        + "and d.status = org.secure2fa.delivery.entity.DeliveryStatus.SENDING and d.claimedUntil = :mine")
@NamedQuery(name = "Delivery.findReported", query = "select d from Delivery d where "
        + "d.providerId = :providerId and d.providerMessageId = :messageId and ("
        + "d.routeChannelId = :channelId or (d.routeChannelId is null and d.channelId = :channelId))")
@NamedQuery(name = "Delivery.countBacklog", query = "select count(d) from Delivery d where "
        + "d.status = org.secure2fa.delivery.entity.DeliveryStatus.PENDING or d.status = org.secure2fa.delivery.entity.DeliveryStatus.SENDING")
public class Delivery {

    @Id
    @SequenceGenerator(name = "delivery_seq", sequenceName = "delivery_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_seq")
    private Long id;

    @Column(name = "challenge_id")
    private Long challengeId;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(name = "channel_id", nullable = false)
    private long channelId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private long nextAttemptAt;

    @Column(name = "claimed_until")
    private Long claimedUntil;

    /** The channel of the failover chain this message is on; null for the project's channel itself. */
    @Column(name = "route_channel_id")
    private Long routeChannelId;

    @Column(name = "payload_sealed", length = 40000)
    private String payloadSealed;

    @Column(name = "provider_id")
    private String providerId;

    @Column(name = "provider_message_id")
    private String providerMessageId;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected Delivery() {
    }

    public Delivery(Long challengeId, long projectId, long channelId, String payloadSealed, long now) {
        this.challengeId = challengeId;
        this.projectId = projectId;
        this.channelId = channelId;
        this.payloadSealed = payloadSealed;
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void onRoute(long channelId) {
        this.routeChannelId = channelId == this.channelId ? null : channelId;
    }

    public void sent(String providerId, String providerMessageId, long now) {
        this.status = DeliveryStatus.SENT;
        this.providerId = providerId;
        this.providerMessageId = providerMessageId;
        this.payloadSealed = null;
        this.claimedUntil = null;
        this.lastError = null;
        this.updatedAt = now;
    }

    public void failed(String providerId, String error, long now) {
        this.status = DeliveryStatus.FAILED;
        this.providerId = providerId;
        this.payloadSealed = null;
        this.claimedUntil = null;
        this.lastError = truncate(error);
        this.updatedAt = now;
    }

    public void retryAt(String providerId, String error, long at, long now) {
        this.status = DeliveryStatus.PENDING;
        this.providerId = providerId;
        this.nextAttemptAt = at;
        this.claimedUntil = null;
        this.lastError = truncate(error);
        this.updatedAt = now;
    }

    /** A provider's delivery report; a report never moves a message back to sending. */
    public void reported(DeliveryStatus outcome, String detail, long now) {
        this.status = outcome;
        if (detail != null) {
            this.lastError = truncate(detail);
        }
        this.updatedAt = now;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    public Long getId() { return id; }
    public Long getChallengeId() { return challengeId; }
    public long getProjectId() { return projectId; }
    public long getChannelId() { return channelId; }
    public Long getRouteChannelId() { return routeChannelId; }
    public DeliveryStatus getStatus() { return status; }

    public Long getClaimedUntil() { return claimedUntil; }
    public int getAttempts() { return attempts; }
    public long getNextAttemptAt() { return nextAttemptAt; }
    public String getPayloadSealed() { return payloadSealed; }
    public String getProviderId() { return providerId; }
    public String getProviderMessageId() { return providerMessageId; }
    public String getLastError() { return lastError; }
    public long getCreatedAt() { return createdAt; }
}
