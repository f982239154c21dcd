package app.financetracker.user.member;

import app.financetracker.kit.validation.StructuredReference;
import jakarta.annotation.Nullable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * A member as the API shows it (DESIGN §5, §10).
 *
 * @param reference the member's standing structured communication, {@code +++ddd/dddd/ddddd+++}
 * @param language null: the entity's
 */
record MemberResponse(String id, String firstName, String lastName, String email, @Nullable String phone,
                      List<String> tags, @Nullable String language, @Nullable String iban, boolean archived,
                      @Nullable String reference, Balance balance, Instant createdAt, Instant updatedAt,
                      long version) {

    record Balance(BigDecimal receivables, BigDecimal debts, BigDecimal collected, BigDecimal outstanding) {
    }

    static MemberResponse of(Member member) {
        Member.Balance b = member.balance() == null ? Member.Balance.ZERO : member.balance();
        return new MemberResponse(member.id(), member.firstName(), member.lastName(), member.email(), member.phone(),
                member.tags() == null ? List.of() : member.tags(), member.language(), member.iban(),
                member.isArchived(), member.reference() == null ? null : StructuredReference.format(member.reference()),
                new Balance(money(b.receivables()), money(b.debts()), money(b.collected()), money(b.outstanding())),
                member.createdAt(), member.updatedAt(), member.version());
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
