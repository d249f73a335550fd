package org.secure2fa.delivery.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.secure2fa.delivery.spi.DeliveryProvider;

/** Every {@link DeliveryProvider} bean, by id. */
@ApplicationScoped
public class DeliveryProviders {

    @Inject
    @Any
    Instance<DeliveryProvider> discovered;

    private final Map<String, DeliveryProvider> byId = new TreeMap<>();

    @PostConstruct
    void collect() {
        for (DeliveryProvider provider : discovered) {
            DeliveryProvider previous = byId.put(provider.id(), provider);
            if (previous != null) {
                throw new IllegalStateException("Two delivery providers share the id " + provider.id());
            }
        }
    }

    public Optional<DeliveryProvider> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<DeliveryProvider> all() {
        return byId.values();
    }
}
