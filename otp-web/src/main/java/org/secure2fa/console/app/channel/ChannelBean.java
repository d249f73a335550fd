package org.secure2fa.console.app.channel;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.secure2fa.console.faces.Actions;
import org.secure2fa.console.faces.ConsoleSession;
import org.secure2fa.console.faces.Texts;
import org.secure2fa.delivery.boundary.ChannelChanges;
import org.secure2fa.delivery.boundary.ChannelService;
import org.secure2fa.delivery.boundary.ChannelView;
import org.secure2fa.delivery.boundary.ProviderInfo;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.ProviderSetting;

/**
 * A new or existing delivery channel. The form is drawn from the chosen provider's description of its
 * settings; secret fields are always empty in the page (a stored secret shows only as "set").
 */
@Named
@ViewScoped
public class ChannelBean implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The setting of providers that take the status callback URL with each message (Twilio, Plivo, ...). */
    static final String CALLBACK_URL = "status_callback_url";
    /** How {@code ChannelSettings.described} marks the settings only delivery reports need. */
    private static final String REPORT_SUFFIX = " (delivery reports)";

    @Inject
    ChannelService channels;

    @Inject
    ConsoleSession session;

    private Long id;
    private boolean found = true;
    private String name;
    private ChannelType type = ChannelType.EMAIL;
    private String providerId;
    private Long fallbackChannelId;
    private Map<String, String> values = new HashMap<>();
    private Set<String> secretsSet = Set.of();
    private String testRecipient;
    private String testAnswer;
    private boolean callbackPrefilled;
    /** The providers for {@link #providersType}, asked for once per type (the page reads them often). */
    private transient List<ProviderInfo> providers;
    private transient ChannelType providersType;
    private transient List<ChannelView> fallbackOptions;

    public void load() {
        if (id == null) {
            return;
        }
        ChannelView channel = Actions.attempt(() -> channels.get(session.getAccountId(), id));
        if (channel == null) {
            found = false;
            return;
        }
        name = channel.name();
        type = channel.type();
        providerId = channel.providerId();
        fallbackChannelId = channel.fallbackChannelId();
        values = new HashMap<>(channel.settings());
        secretsSet = channel.secretsSet();
        prefillCallbackUrl();
    }

    /** An empty status callback URL is filled with this channel's webhook URL, the only right value. */
    private void prefillCallbackUrl() {
        String webhook = getWebhookUrl();
        String current = values.get(CALLBACK_URL);
        if (webhook != null && isCallbackUrlSetting() && (current == null || current.isBlank())) {
            values.put(CALLBACK_URL, webhook);
            callbackPrefilled = true;
        }
    }

    /** Whether the provider takes the status callback URL as a channel setting (with each message). */
    public boolean isCallbackUrlSetting() {
        return getSettings().stream().anyMatch(s -> s.key().equals(CALLBACK_URL));
    }

    /** The labels of the settings only delivery reports need, as the form shows them; often none. */
    public List<String> getReportSettingLabels() {
        return getSettings().stream().map(ProviderSetting::label).filter(l -> l.endsWith(REPORT_SUFFIX)).toList();
    }

    public String getProviderName() {
        return provider().map(ProviderInfo::displayName).orElse(Texts.of("bean.channel.the-provider"));
    }

    public boolean isCallbackPrefilled() {
        return callbackPrefilled;
    }

    public void typeChanged() {
        providerId = null;
        values = new HashMap<>();
        fallbackOptions = null;
    }

    public void providerChanged() {
        values = new HashMap<>();
        provider().ifPresent(p -> p.settings().stream().filter(s -> s.defaultValue() != null)
                .forEach(s -> values.put(s.key(), s.defaultValue())));
    }

    public void save() {
        ChannelChanges changes = new ChannelChanges(name, type, providerId, values, fallbackChannelId);
        ChannelView saved = Actions.attempt(() -> id == null
                ? channels.create(session.getAccountId(), changes, Actions.ip())
                : channels.update(session.getAccountId(), id, changes, Actions.ip()));
        if (saved != null) {
            values.clear(); // typed secrets leave the session with the form
            Messages.addFlashGlobalInfo("bean.channel.saved");
            Faces.redirect("app/channel.xhtml?id=" + saved.id());
        }
    }

    public void sendTest() {
        testAnswer = Actions.attempt(() -> channels.sendTest(session.getAccountId(), id, testRecipient, Actions.ip()));
    }

    public void delete() {
        if (Actions.attempt(() -> channels.delete(session.getAccountId(), id, Actions.ip()))) {
            Messages.addFlashGlobalInfo("bean.channel.deleted");
            Faces.redirect("app/channels.xhtml");
        }
    }

    public List<ProviderInfo> getProviders() {
        if (providers == null || providersType != type) {
            providers = channels.providers(type);
            providersType = type;
        }
        return providers;
    }

    public List<ProviderSetting> getSettings() {
        return provider().map(ProviderInfo::settings).orElse(List.of());
    }

    public boolean secretSet(ProviderSetting setting) {
        return secretsSet.contains(setting.key());
    }

    public List<ChannelView> getFallbackOptions() {
        if (fallbackOptions == null || fallbackOptions.stream().anyMatch(c -> c.type() != type)) {
            fallbackOptions = channels.list(session.getAccountId()).stream()
                    .filter(c -> c.type() == type && (id == null || c.id() != id)).toList();
        }
        return fallbackOptions;
    }

    private java.util.Optional<ProviderInfo> provider() {
        return getProviders().stream().filter(p -> p.id().equals(providerId)).findFirst();
    }

    /** Where the provider should send delivery reports for this channel, or null. */
    public String getWebhookUrl() {
        boolean webhooks = provider().map(ProviderInfo::webhooks).orElse(false);
        if (id == null || !webhooks) {
            return null;
        }
        String base = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("otp.webhook.public-base-url", String.class).filter(s -> !s.isBlank())
                .orElseGet(Faces::getRequestDomainURL);
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/otp/webhooks/" + id;
    }

    public boolean isNew() {
        return id == null;
    }

    public ChannelType[] getTypes() {
        return ChannelType.values();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public boolean isFound() { return found; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public ChannelType getType() { return type; }
    public void setType(ChannelType type) { this.type = type; }
    public String getProviderId() { return providerId; }
    public void setProviderId(String providerId) { this.providerId = providerId; }
    public Long getFallbackChannelId() { return fallbackChannelId; }
    public void setFallbackChannelId(Long fallbackChannelId) { this.fallbackChannelId = fallbackChannelId; }
    public Map<String, String> getValues() { return values; }
    public String getTestRecipient() { return testRecipient; }
    public void setTestRecipient(String testRecipient) { this.testRecipient = testRecipient; }
    public String getTestAnswer() { return testAnswer; }
}
