package org.secure2fa.incontainer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.secure2fa.crypto.Keyring;
import org.secure2fa.crypto.PayloadCipher;
import org.secure2fa.delivery.boundary.ChannelChanges;
import org.secure2fa.delivery.boundary.ChannelService;
import org.secure2fa.delivery.control.Settings;
import org.secure2fa.delivery.entity.Delivery;
import org.secure2fa.delivery.provider.DevOutboxProvider;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.project.boundary.IssuedKeys;
import org.secure2fa.project.boundary.ProjectChanges;
import org.secure2fa.project.boundary.ProjectService;
import org.secure2fa.template.boundary.TemplateService;
import org.secure2fa.template.boundary.VersionView;

/**
 * Test data made through the console's own boundaries (each project in an account of its own, so
 * tests never see each other's rows), and reads of the database in transactions of their own.
 */
@Stateless
public class Fixtures {

    static final String IP = "127.0.0.1";
    private static final AtomicLong ACCOUNTS = new AtomicLong(System.currentTimeMillis());

    /** A project linked to a dev-outbox email channel and an English template, with its keys. */
    public record TestProject(long accountId, long id, String publicKey, String secretKey, long channelId) {

        /** {@code encrypted_data} as an integrator's client makes it. */
        public String encrypt(String plaintext) {
            return PayloadCipher.encrypt(plaintext, PayloadCipher.keyOf(secretKey).orElseThrow());
        }
    }

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Keyring keyring;

    @Inject
    ChannelService channels;

    @Inject
    TemplateService templates;

    @Inject
    ProjectService projects;

    /** An account id no other test uses (accounts are not needed for the console's objects). */
    public long newAccountId() {
        return ACCOUNTS.incrementAndGet();
    }

    public TestProject project() {
        long account = newAccountId();
        long channel = channels.create(account, new ChannelChanges("test channel", ChannelType.EMAIL,
                DevOutboxProvider.ID, Map.of("from", "otp@example.com"), null), IP).id();
        long template = templates.create(account, "test template",
                List.of(new VersionView("en", "Your login code", "Your login code is {{OTP_CODE}}.", null)), IP).id();
        IssuedKeys keys = projects.create(account, "test project", IP);
        projects.update(account, keys.projectId(),
                new ProjectChanges("test project", null, null, null, null, channel, template, true), IP);
        return new TestProject(account, keys.projectId(), keys.publicKey(), keys.secretKey(), channel);
    }

    /** Outbox rows of the project, due at {@code dueAt}, as a generate writes them (sealed message). */
    public List<Long> pendingDeliveries(TestProject project, int count, long dueAt) {
        List<Delivery> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String payload = Settings.toJson(Map.of("type", ChannelType.EMAIL.name(), "to", "user" + i + "@example.com",
                    "subject", "Your login code", "body", "Your login code is 123456.", "html", "<p>123456</p>"));
            Delivery delivery = new Delivery(null, project.id(), project.channelId(), keyring.seal(payload), dueAt);
            em.persist(delivery);
            rows.add(delivery);
        }
        em.flush();
        return rows.stream().map(Delivery::getId).toList();
    }

    /** The first column of the first row of a native query, as a long; -1 when there is no row. */
    public long number(String sql, Object... parameters) {
        List<?> rows = query(sql, parameters).getResultList();
        if (rows.isEmpty()) {
            return -1;
        }
        Object value = rows.get(0) instanceof Object[] columns ? columns[0] : rows.get(0);
        return ((Number) value).longValue();
    }

    /** A native write in a transaction of its own, as another node's would be; the rows it changed. */
    public int execute(String sql, Object... parameters) {
        return query(sql, parameters).executeUpdate();
    }

    private Query query(String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
