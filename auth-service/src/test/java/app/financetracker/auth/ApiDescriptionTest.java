package app.financetracker.auth;

import app.financetracker.testkit.ApiDescription;

class ApiDescriptionTest extends ApiDescription {
}
