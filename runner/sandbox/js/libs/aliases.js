/*
 * Module names that map onto objects other sandbox files publish:
 * require('postman-collection') -> the SDK object model (globalThis.__pmr_sdk, sdk.js) and
 * require('chai') -> the assertion library (globalThis.__pmr_chai, expect.js).
 * Why: Postman scripts build Requests/Urls with the collection SDK and some use chai
 * directly; the lookup happens at require time so load order between files never matters.
 */
__pmr_define("postman-collection", function (require) {
  "use strict";
  var sdk = globalThis.__pmr_sdk;
  if (!sdk) {
    var err = new Error("Cannot find module 'postman-collection'");
    err.code = "MODULE_NOT_FOUND";
    throw err;
  }
  // The SDK's public constructor names, as exported by postman-collection.
  var NAMES = ["PropertyList", "Header", "HeaderList", "QueryParam", "FormParam", "Variable", "VariableList", "Url",
    "RequestBody", "RequestAuth", "Request", "Response", "Cookie", "CookieList", "VariableScope", "Property",
    "PropertyBase", "Item", "ItemGroup", "Collection", "Event", "EventList", "Script", "Description", "Certificate",
    "CertificateList", "ProxyConfig", "ProxyConfigList", "UrlMatchPattern", "UrlMatchPatternList", "Version",
    "MutationTracker"];
  var out = {};
  NAMES.forEach(function (name) { if (sdk[name] !== undefined) out[name] = sdk[name]; });
  return out;
});

__pmr_define("chai", function (require) {
  "use strict";
  if (!globalThis.__pmr_chai) {
    var err = new Error("Cannot find module 'chai'");
    err.code = "MODULE_NOT_FOUND";
    throw err;
  }
  return globalThis.__pmr_chai;
});
