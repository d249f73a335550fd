package org.secure2fa.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.secure2fa.crypto.Keyring;
import org.secure2fa.delivery.control.Settings;
import org.secure2fa.delivery.entity.Channel;
import org.secure2fa.delivery.provider.DevOutboxProvider;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.project.control.KeyMaterial;
import org.secure2fa.project.entity.Project;
import org.secure2fa.template.entity.Template;

/**
 * Opt-in demo data ({@code otp.demo.enabled}, on in the run command): on a database without projects,
 * a demo project linked to a dev-outbox email channel and an English/French template, with its keys
 * printed once to the server log so the quick start can call the API straight away.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "WarmUp"})
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Keyring keyring;

    @Inject
    @ConfigProperty(name = "otp.demo.enabled", defaultValue = "false")
    boolean enabled;

    @PostConstruct
    void seed() {
        if (!enabled || em.createNamedQuery("Project.count", Long.class).getSingleResult() > 0) {
            return;
        }
        long now = System.currentTimeMillis();
        Channel channel = new Channel("Demo email (dev outbox)", ChannelType.EMAIL, DevOutboxProvider.ID,
                keyring.seal(Settings.toJson(Map.of("from", "no-reply@secure2fa.local"))), now);
        em.persist(channel);
        Template template = new Template("Login code", now);
        template.addVersion("en", "Your login code", "Your login code is {{OTP_CODE}}. It expires in 10 minutes.",
                "<p>Your login code is <strong>{{OTP_CODE}}</strong>. It expires in 10 minutes.</p>");
        template.addVersion("fr", "Votre code de connexion",
                "Votre code de connexion est {{OTP_CODE}}. Il expire dans 10 minutes.", null);
        em.persist(template);
        String publicKey = KeyMaterial.newPublicKey();
        String secretKey = KeyMaterial.newSecretKey();
        Project project = new Project("Demo", publicKey, keyring.seal(secretKey), now);
        project.link(channel, template);
        em.persist(project);
        LOG.info("Secure 2FA demo project created (printed once): public_key=" + publicKey
                + " secret_key=" + secretKey);
    }
}
