// The interactive reference of the management API: swagger-ui (served from this application) over the
// OpenAPI document at /api/v1/openapi. "Authorize" takes an API token made in the console.
window.addEventListener('load', function () {
    window.reference = SwaggerUIBundle({
        url: '../v1/openapi',
        dom_id: '#reference',
        deepLinking: true,
        persistAuthorization: false
    });
});
