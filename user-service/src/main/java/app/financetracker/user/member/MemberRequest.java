package app.financetracker.user.member;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin sends to create or change a member; {@code version} is required to change one. Read-only
 * fields sent back (id, balance, timestamps) are ignored.
 */
record MemberRequest(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+[1-9][0-9 ]{6,19}", message = "{member.phone}")
        String phone,
        Long version) {

    MemberRequest normalized() {
        String cleanPhone = phone == null || phone.isBlank() ? null : phone.replace(" ", "");
        return new MemberRequest(firstName.strip(), lastName.strip(), email.strip().toLowerCase(), cleanPhone, version);
    }
}
