package app.financetracker.auth.me;

import java.util.List;

/** The signed-in admin as the console shows them; {@code roles} are the realm roles that matter here. */
record Me(String id, String username, String email, String firstName, String lastName, List<String> roles) {
}
