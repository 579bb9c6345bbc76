// The API docs page: Swagger UI drawing our OpenAPI document (no inline script: the
// content security policy allows none).
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("api-docs");
  window.SwaggerUIBundle({
    url: root.getAttribute("data-openapi"),
    domNode: root,
    deepLinking: true,
    tryItOutEnabled: false,
  });
});
