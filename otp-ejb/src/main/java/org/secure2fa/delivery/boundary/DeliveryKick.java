package org.secure2fa.delivery.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.secure2fa.delivery.control.DeliveryQueued;

/** Hands a new outbox row to the dispatcher once the transaction that wrote it has committed. */
@ApplicationScoped
public class DeliveryKick {

    @Inject
    DeliveryDispatcher dispatcher;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryQueued queued) {
        dispatcher.submit(queued.deliveryId());
    }
}
