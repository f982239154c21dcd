package app.financetracker.events;

/** Payload of {@code UserCreated/Updated/Deleted}: the member's id and display fields. */
public record UserPayload(String id, String firstName, String lastName, String email) {

    public String displayName() {
        return firstName + " " + lastName;
    }
}
