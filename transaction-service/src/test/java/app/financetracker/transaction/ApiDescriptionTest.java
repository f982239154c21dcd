package app.financetracker.transaction;

import app.financetracker.testkit.ApiDescription;

class ApiDescriptionTest extends ApiDescription {
}
