package org.secure2fa.delivery.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.secure2fa.account.control.Tenancy;
import org.secure2fa.audit.control.AuditLog;
import org.secure2fa.challenge.control.Recipients;
import org.secure2fa.crypto.Keyring;
import org.secure2fa.delivery.control.ChannelSettings;
import org.secure2fa.delivery.control.DeliveryConfig;
import org.secure2fa.delivery.control.DeliveryProviders;
import org.secure2fa.delivery.control.EndpointPolicy;
import org.secure2fa.delivery.control.Settings;
import org.secure2fa.delivery.entity.Channel;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryProvider;
import org.secure2fa.delivery.spi.DeliveryReceipt;
import org.secure2fa.delivery.spi.DeliveryRequest;
import org.secure2fa.delivery.spi.ProviderSetting;
import org.secure2fa.delivery.spi.StatusCallbacks;
import org.secure2fa.platform.boundary.ConflictException;
import org.secure2fa.platform.boundary.InvalidInputException;
import org.secure2fa.platform.boundary.PreconditionFailedException;
import org.secure2fa.platform.boundary.UnavailableException;
import org.secure2fa.platform.control.Names;

/**
 * Delivery channels of one account. Settings follow the provider's own description; secret settings
 * are sealed at rest and never leave the delivery feature: views carry only which secrets are set, and an
 * empty secret field in an update keeps the stored value.
 */
@Stateless
public class ChannelService {

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Keyring keyring;

    @Inject
    DeliveryProviders providers;

    @Inject
    Tenancy tenancy;

    @Inject
    AuditLog audit;

    @Inject
    DeliveryConfig config;

    public List<ProviderInfo> providers(ChannelType type) {
        return providers.all().stream().filter(p -> type == null || p.channelTypes().contains(type))
                .sorted(Comparator.comparing(DeliveryProvider::displayName))
                .map(p -> new ProviderInfo(p.id(), p.displayName(), p.channelTypes(), ChannelSettings.described(p),
                        p instanceof StatusCallbacks)).toList();
    }

    public List<ChannelView> list(long accountId) {
        return em.createQuery("select c from Channel c where c.accountId = :account order by c.name, c.id",
                Channel.class).setParameter("account", accountId).getResultList().stream().map(this::view).toList();
    }

    public ChannelView get(long accountId, long channelId) {
        return view(owned(accountId, channelId));
    }

    public ChannelView create(long accountId, ChannelChanges changes, String ip) {
        DeliveryProvider provider = provider(changes);
        Map<String, String> settings = ChannelSettings.merge(provider, Map.of(), changes.settings());
        EndpointPolicy.check(settings, config.allowPrivateEndpoints());
        Channel channel = new Channel(Names.checked(changes.name()), changes.type(), provider.id(),
                keyring.seal(Settings.toJson(settings)), System.currentTimeMillis());
        channel.setAccountId(accountId);
        em.persist(channel);
        em.flush();
        channel.setFallbackChannelId(fallback(accountId, channel, changes.fallbackChannelId()));
        audit.console(accountId, null, "CHANNEL_CREATED", "OK", channel.getName() + " (" + provider.id() + ")", ip);
        return view(channel);
    }

    public ChannelView update(long accountId, long channelId, ChannelChanges changes, String ip) {
        return update(accountId, channelId, changes, null, ip);
    }

    /**
     * As {@link #update}, only if the channel is still as the caller read it: {@code expectedTag} is the
     * {@link ChannelView#tag()} it saw (null: no condition), compared under the row's lock.
     */
    public ChannelView update(long accountId, long channelId, ChannelChanges changes, String expectedTag, String ip) {
        Channel channel = owned(accountId, channelId);
        if (expectedTag != null) {
            em.lock(channel, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(channel);
            if (!expectedTag.equals(view(channel).tag())) {
                throw new PreconditionFailedException("The channel");
            }
        }
        if (!channel.getProviderId().equals(changes.providerId()) || channel.getType() != changes.type()) {
            throw new InvalidInputException(null, "The type and provider of a channel cannot change; create a new channel.");
        }
        DeliveryProvider provider = provider(changes);
        Map<String, String> stored = Settings.fromJson(keyring.open(channel.getSettingsSealed()));
        channel.setName(Names.checked(changes.name()));
        Map<String, String> settings = ChannelSettings.merge(provider, stored, changes.settings());
        EndpointPolicy.check(settings, config.allowPrivateEndpoints());
        channel.setSettingsSealed(keyring.seal(Settings.toJson(settings)));
        channel.setFallbackChannelId(fallback(accountId, channel, changes.fallbackChannelId()));
        audit.console(accountId, null, "CHANNEL_UPDATED", "OK", channel.getName() + " #" + channelId, ip);
        return view(channel);
    }

    public void delete(long accountId, long channelId, String ip) {
        Channel channel = owned(accountId, channelId);
        List<String> users = em.createQuery("select p.name from Project p where p.channel = :channel", String.class)
                .setParameter("channel", channel).getResultList();
        if (!users.isEmpty()) {
            throw new ConflictException("This channel is linked to " + String.join(", ", users)
                    + ". Link those projects to another channel first.");
        }
        em.createQuery("update Channel c set c.fallbackChannelId = null where c.fallbackChannelId = :id")
                .setParameter("id", channelId).executeUpdate();
        em.remove(channel);
        audit.console(accountId, null, "CHANNEL_DELETED", "OK", channel.getName() + " #" + channelId, ip);
    }

    /**
     * Sends a test message through the channel now and answers what the provider said. Runs outside a
     * transaction: the provider may take up to its timeout.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String sendTest(long accountId, long channelId, String recipient, String ip) {
        Channel channel = owned(accountId, channelId);
        String to = recipient == null ? "" : recipient.strip();
        if (!Recipients.fits(channel.getType(), to)) {
            throw new InvalidInputException("testRecipient", channel.getType() == ChannelType.SMS
                    ? "Enter a phone number in international form, such as +14155550123."
                    : "Enter a valid email address.");
        }
        DeliveryProvider provider = providers.byId(channel.getProviderId())
                .orElseThrow(() -> new UnavailableException("The provider of this channel is not installed."));
        Map<String, String> settings = Settings.fromJson(keyring.open(channel.getSettingsSealed()));
        EndpointPolicy.check(settings, config.allowPrivateEndpoints()); // again: a name may resolve elsewhere now
        DeliveryReceipt receipt = provider.send(new DeliveryRequest(0, channel.getType(), to,
                "Secure 2FA test message", "This is a test message from Secure 2FA. A code would look like 123456.",
                null), settings);
        String answer = switch (receipt.outcome()) {
            case ACCEPTED -> "Accepted by " + provider.displayName()
                    + (receipt.providerMessageId() == null ? "" : ", message id " + receipt.providerMessageId());
            case REJECTED -> "Rejected" + detail(receipt);
            case RETRY -> "Not sent, the provider may be unreachable" + detail(receipt);
        };
        audit.console(accountId, null, "CHANNEL_TEST", receipt.outcome().name(), "channel #" + channelId
                + " to " + Recipients.mask(to), ip);
        return answer;
    }

    private Channel owned(long accountId, long channelId) {
        return tenancy.owned(Channel.class, accountId, channelId, "Channel");
    }

    private DeliveryProvider provider(ChannelChanges changes) {
        if (changes.type() == null) {
            throw new InvalidInputException("type", "Choose EMAIL or SMS.");
        }
        DeliveryProvider provider = changes.providerId() == null ? null : providers.byId(changes.providerId()).orElse(null);
        if (provider == null || !provider.channelTypes().contains(changes.type())) {
            throw new InvalidInputException("provider", "Choose a provider for " + changes.type() + ".");
        }
        return provider;
    }

    private Long fallback(long accountId, Channel channel, Long fallbackId) {
        if (fallbackId == null) {
            return null;
        }
        Channel fallback = owned(accountId, fallbackId);
        if (fallback.getId().equals(channel.getId()) || fallback.getType() != channel.getType()) {
            throw new InvalidInputException("fallback", "The fallback must be another channel of the same type.");
        }
        return fallback.getId();
    }

    private ChannelView view(Channel c) {
        Map<String, String> stored = Settings.fromJson(keyring.open(c.getSettingsSealed()));
        DeliveryProvider provider = providers.byId(c.getProviderId()).orElse(null);
        Map<String, String> shown = new LinkedHashMap<>();
        Set<String> secretsSet = new TreeSet<>();
        List<ProviderSetting> described = provider == null ? List.of() : ChannelSettings.described(provider);
        for (ProviderSetting setting : described) {
            String value = stored.get(setting.key());
            if (setting.secret()) {
                if (value != null && !value.isEmpty()) {
                    secretsSet.add(setting.key());
                }
            } else if (value != null) {
                shown.put(setting.key(), value);
            }
        }
        return new ChannelView(c.getId(), c.getName(), c.getType(), c.getProviderId(),
                provider == null ? c.getProviderId() : provider.displayName(), shown, secretsSet,
                c.getFallbackChannelId(), c.getCreatedAt());
    }

    /** The provider's reason after a colon, or a full stop when it gave none (never ": null"). */
    static String detail(DeliveryReceipt receipt) {
        String detail = receipt.detail();
        return detail == null || detail.isBlank() ? " (the provider gave no reason)." : ": " + detail.strip();
    }
}
