package app.financetracker.notification;

import app.financetracker.testkit.ApiDescription;

class ApiDescriptionTest extends ApiDescription {
}
