package app.financetracker.report;

import app.financetracker.testkit.ApiDescription;

class ApiDescriptionTest extends ApiDescription {
}
