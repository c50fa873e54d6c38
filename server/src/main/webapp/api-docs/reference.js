// The interactive API reference: renders /openapi and, once the reader signs in through the
// login operation, sends the session token with every call tried from the page.
(function () {
  'use strict';
  var ui = SwaggerUIBundle({
    url: '../openapi?format=json',
    dom_id: '#reference',
    deepLinking: true,
    docExpansion: 'none',
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: false,
    persistAuthorization: false,
    responseInterceptor: function (response) {
      if (response.ok && /\/api\/v1\/auth\/login$/.test(response.url) && response.obj && response.obj.token) {
        ui.authActions.authorize({
          bearer: { name: 'bearer', schema: { type: 'http', scheme: 'bearer' }, value: response.obj.token }
        });
      }
      return response;
    }
  });
}());
