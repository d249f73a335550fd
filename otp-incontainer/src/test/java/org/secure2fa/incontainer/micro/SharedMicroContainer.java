package org.secure2fa.incontainer.micro;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

/**
 * Payara's Micro container, booted once for all test classes instead of once per class. Micro cannot
 * deploy into a running instance, so that container boots a Micro with each deployment and stops it
 * with each undeployment (about 15 s a boot on two cores). Every test class here deploys the same
 * archive, which holds all of them, so the first boot can run them all: the Micro stays up until the
 * end of the run, and only an archive with other content (a class with a deployment of its own) gets
 * a Micro of its own.
 */
public class SharedMicroContainer implements DeployableContainer<PayaraMicroContainerConfiguration> {

    private static final Logger LOG = Logger.getLogger(SharedMicroContainer.class.getName());

    private final PayaraMicroDeployableContainer micro = new PayaraMicroDeployableContainer();
    private Archive<?> deployed;
    private Set<String> deployedContent;
    private ProtocolMetaData running;

    @Override
    public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
        return micro.getConfigurationClass();
    }

    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        micro.setup(configuration);
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return micro.getDefaultProtocol();
    }

    @Override
    public void start() throws LifecycleException {
        micro.start();
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        Set<String> content = contentOf(archive);
        if (running != null && content.equals(deployedContent)) {
            LOG.info(() -> "Reusing the running Payara Micro: it already has " + archive.getName());
            return running;
        }
        shutDown();
        running = micro.deploy(archive);
        deployed = archive;
        deployedContent = content;
        return running;
    }

    /** Keeps the Micro for the next test class; {@link #stop()} ends it. */
    @Override
    public void undeploy(Archive<?> archive) {
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            shutDown();
        } catch (DeploymentException e) {
            throw new LifecycleException("Could not stop Payara Micro", e);
        }
        micro.stop();
    }

    @Override
    public void deploy(Descriptor descriptor) throws DeploymentException {
        micro.deploy(descriptor);
    }

    @Override
    public void undeploy(Descriptor descriptor) throws DeploymentException {
        micro.undeploy(descriptor);
    }

    private void shutDown() throws DeploymentException {
        if (deployed != null) {
            micro.undeploy(deployed);
            deployed = null;
            deployedContent = null;
            running = null;
        }
    }

    private static Set<String> contentOf(Archive<?> archive) {
        return archive.getContent().keySet().stream().map(Object::toString).collect(Collectors.toSet());
    }
}
