package app.financetracker.auth.me;

import jakarta.annotation.Nullable;
import java.util.List;

/**
 * The signed-in admin as the console shows them; {@code roles} are those held in the request's entity (a super-admin
 * is an admin too) and {@code platform-admin} when held; {@code language} is the one the account chose ({@code en},
 * {@code fr} or {@code nl}), none until it chooses.
 */
record Me(String id, String username, @Nullable String email, @Nullable String firstName, @Nullable String lastName,
          List<String> roles, @Nullable String language) {
}
