package org.secure2fa.delivery.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.secure2fa.delivery.spi.DeliveryReceipt;

class ChannelServiceTest {

    @Test
    void aTestSendReportsTheProvidersReasonOrSaysThereWasNone() {
        assertEquals(": Invalid sender address", ChannelService.detail(DeliveryReceipt.rejected(" Invalid sender address ")));
        assertEquals(" (the provider gave no reason).", ChannelService.detail(DeliveryReceipt.rejected(null)));
        assertEquals(" (the provider gave no reason).", ChannelService.detail(DeliveryReceipt.retry(" ")));
    }
}
