package org.secure2fa.incontainer;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment of these tests. Payara Micro cannot deploy the EAR, but runs its EJB module in a
 * WAR (EJB Lite): the otp-ejb jar as a library, with its own persistence.xml, beans.xml and
 * microprofile-config.properties, next to the runtime libraries the EAR carries in its {@code lib/}.
 */
public final class Deployments {

    /**
     * otp-ejb and its runtime libraries as Maven resolved them for this build (failsafe passes the list
     * as {@code otp.incontainer.libraries}): in a reactor build, the otp-ejb just packaged.
     */
    static final String LIBRARIES = "otp.incontainer.libraries";

    private Deployments() {
    }

    /** The EJB module, its libraries and this package's tests and fixtures. */
    public static WebArchive ejbModule() {
        String libraries = System.getProperty(LIBRARIES);
        if (libraries == null || libraries.isBlank()) {
            throw new IllegalStateException("No " + LIBRARIES + ": run these tests through Maven (mvn verify)");
        }
        WebArchive war = ShrinkWrap.create(WebArchive.class, "otp-incontainer.war")
                .addPackage(Deployments.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        for (String path : libraries.split(File.pathSeparator)) {
            File library = new File(path);
            if (library.isDirectory()) {
                // otp-ejb's target/classes when Maven resolved the module before packaging it
                war.addAsLibrary(ShrinkWrap.create(ExplodedImporter.class, "otp-ejb.jar")
                        .importDirectory(library).as(JavaArchive.class));
            } else {
                war.addAsLibrary(library);
            }
        }
        return war;
    }
}
