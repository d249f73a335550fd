package org.secure2fa.console.app.channels;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.secure2fa.console.faces.ConsoleSession;
import org.secure2fa.delivery.boundary.ChannelService;
import org.secure2fa.delivery.boundary.ChannelView;
import org.secure2fa.template.boundary.TemplateService;
import org.secure2fa.template.boundary.TemplateView;

/** The lists of channels and templates. */
@Named
@RequestScoped
public class ChannelsBean {

    @Inject
    ChannelService channels;

    @Inject
    TemplateService templates;

    @Inject
    ConsoleSession session;

    private List<ChannelView> channelList;
    private List<TemplateView> templateList;

    public List<ChannelView> getChannels() {
        if (channelList == null) {
            channelList = channels.list(session.getAccountId());
        }
        return channelList;
    }

    public List<TemplateView> getTemplates() {
        if (templateList == null) {
            templateList = templates.list(session.getAccountId());
        }
        return templateList;
    }
}
