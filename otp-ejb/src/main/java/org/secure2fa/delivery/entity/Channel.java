package org.secure2fa.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.secure2fa.delivery.spi.ChannelType;

/** A configured delivery route: a provider type plus its settings (sealed JSON). */
@Entity
@Table(name = "channel")
public class Channel {

    @Id
    @SequenceGenerator(name = "channel_seq", sequenceName = "channel_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "channel_seq")
    private Long id;

    @Column(name = "account_id")
    private Long accountId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel_type", nullable = false)
    private ChannelType type;

    @Column(name = "provider_id", nullable = false)
    private String providerId;

    /** The provider settings as a JSON object, sealed by the keyring. */
    @Column(name = "settings_sealed", length = 8000)
    private String settingsSealed;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    /** The channel to fail over to when this one's provider fails or its circuit is open, or null. */
    @Column(name = "fallback_channel_id")
    private Long fallbackChannelId;

    protected Channel() {
    }

    public Channel(String name, ChannelType type, String providerId, String settingsSealed, long createdAt) {
        this.name = name;
        this.type = type;
        this.providerId = providerId;
        this.settingsSealed = settingsSealed;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public void setAccountId(Long accountId) { this.accountId = accountId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public ChannelType getType() { return type; }
    public String getProviderId() { return providerId; }
    public String getSettingsSealed() { return settingsSealed; }
    public void setSettingsSealed(String settingsSealed) { this.settingsSealed = settingsSealed; }
    public long getCreatedAt() { return createdAt; }
    public Long getFallbackChannelId() { return fallbackChannelId; }
    public void setFallbackChannelId(Long fallbackChannelId) { this.fallbackChannelId = fallbackChannelId; }
}
