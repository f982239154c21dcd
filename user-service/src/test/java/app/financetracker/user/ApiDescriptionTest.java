package app.financetracker.user;

import app.financetracker.testkit.ApiDescription;

class ApiDescriptionTest extends ApiDescription {
}
