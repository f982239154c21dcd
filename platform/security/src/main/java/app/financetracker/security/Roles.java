package app.financetracker.security;

/** The realm roles of DESIGN §4, as Spring Security authorities see them. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String SUPER_ADMIN = "super-admin";

    private Roles() {
    }
}
