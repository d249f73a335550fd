package org.secure2fa.manage.docs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The API's OpenAPI 3 document ({@code /api/v1/openapi}, JSON; {@code /api/v1/openapi.yaml}), generated
 * from its annotations when the module was built (the same on every server), open to anyone; the
 * interactive reference at {@code /api/docs/} reads it.
 */
@Path("{document: openapi(\\.yaml)?}")
@ApplicationScoped
public class OpenApiResource {

    private final String json = read("openapi-doc/openapi.json");
    private final String yaml = read("openapi-doc/openapi.yaml");

    @GET
    @Operation(hidden = true)
    public Response document(@PathParam("document") String document) {
        return document.endsWith(".yaml") ? Response.ok(yaml, "application/yaml").build()
                : Response.ok(json, MediaType.APPLICATION_JSON).build();
    }

    private static String read(String resource) {
        try (InputStream in = OpenApiResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The OpenAPI document " + resource + " was not built into the module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
