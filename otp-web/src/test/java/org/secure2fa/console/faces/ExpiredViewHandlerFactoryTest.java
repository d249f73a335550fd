package org.secure2fa.console.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExpiredViewHandlerFactoryTest {

    @Test
    void theFreshPageKeepsItsOwnParametersAndDropsTheFormMachinerys() {
        assertEquals("id=5", ExpiredViewHandlerFactory.pageQuery("id=5&jakarta.faces.ViewState=x"));
        assertEquals("", ExpiredViewHandlerFactory.pageQuery("jakarta.faces.ViewState=x"));
        assertEquals("token=abc&x=1", ExpiredViewHandlerFactory.pageQuery("token=abc&primefaces.nonce=n&x=1"));
        assertEquals("", ExpiredViewHandlerFactory.pageQuery(null));
    }
}
