package app.financetracker.auth.me;

import jakarta.annotation.Nullable;
import java.util.List;

/** The signed-in admin as the console shows them; {@code roles} are the realm roles that matter here. */
record Me(String id, String username, @Nullable String email, @Nullable String firstName, @Nullable String lastName,
          List<String> roles) {
}
