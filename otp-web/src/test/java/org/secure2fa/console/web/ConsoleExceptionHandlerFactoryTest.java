package org.secure2fa.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConsoleExceptionHandlerFactoryTest {

    @Test
    void theFreshPageKeepsItsOwnParametersAndDropsTheFormMachinerys() {
        assertEquals("id=5", ConsoleExceptionHandlerFactory.pageQuery("id=5&jakarta.faces.ViewState=x"));
        assertEquals("", ConsoleExceptionHandlerFactory.pageQuery("jakarta.faces.ViewState=x"));
        assertEquals("token=abc&x=1", ConsoleExceptionHandlerFactory.pageQuery("token=abc&primefaces.nonce=n&x=1"));
        assertEquals("", ConsoleExceptionHandlerFactory.pageQuery(null));
    }
}
