package org.secure2fa.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the build generated (target/classes/openapi-doc/openapi.json, served at
 * /api/v1/openapi) is valid to swagger-parser, lists every resource, and documents the bearer scheme, the
 * problem answers and the schemas of the bodies.
 */
class OpenApiDocumentTest {

    private static final Path DOCUMENT = Path.of("target/classes/openapi-doc/openapi.json");

    @Test
    void theDocumentIsValidAndComplete() throws IOException {
        ParseOptions resolved = new ParseOptions();
        resolved.setResolve(true);
        resolved.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(Files.readString(DOCUMENT), null, resolved);
        assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages(), "parser messages");
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api);

        assertEquals(new TreeSet<>(Set.of("/v1/projects", "/v1/projects/{id}", "/v1/projects/{id}/secret-rotations",
                "/v1/projects/{id}/activity/events", "/v1/projects/{id}/activity/daily", "/v1/channels",
                "/v1/channels/providers", "/v1/channels/{id}", "/v1/channels/{id}/test", "/v1/templates",
                "/v1/templates/{id}", "/v1/templates/{id}/preview", "/v1/tokens", "/v1/tokens/{id}", "/v1/jwks")),
                new TreeSet<>(api.getPaths().keySet()), "every resource, and nothing else");

        SecurityScheme bearer = api.getComponents().getSecuritySchemes().get(ManageApplication.TOKEN);
        assertEquals(SecurityScheme.Type.HTTP, bearer.getType());
        assertEquals("bearer", bearer.getScheme());

        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
                String name = operation.getKey() + " " + path.getKey();
                if (path.getKey().equals("/v1/jwks")) {
                    assertTrue(operation.getValue().getSecurity() == null || operation.getValue().getSecurity().isEmpty(),
                            name + " is open");
                    continue;
                }
                assertTrue(operation.getValue().getSecurity().stream().anyMatch(s -> s.containsKey(ManageApplication.TOKEN)),
                        name + " needs a token");
                for (String status : List.of("400", "401", "403", "404")) {
                    assertNotNull(operation.getValue().getResponses().get(status), name + " documents " + status);
                    assertNotNull(operation.getValue().getResponses().get(status).getContent().get("application/problem+json"),
                            name + " answers " + status + " as problem details");
                }
                assertTrue(operation.getValue().getResponses().keySet().stream().anyMatch(s -> s.startsWith("2")),
                        name + " documents its success");
            }
        }
        for (String schema : List.of("Problem", "ProjectView", "IssuedSecret", "ChannelView", "ProviderInfo", "TemplateView",
                "EventPage", "DayCount", "ApiTokenView", "ProjectSettings", "ChannelInput", "TemplateInput")) {
            assertNotNull(api.getComponents().getSchemas().get(schema), "schema " + schema);
        }
        assertTrue(api.getPaths().get("/v1/projects/{id}").getPut().getResponses().containsKey("412"), "PUT documents 412");
    }
}
