package app.financetracker.user.member;

import jakarta.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;

/** A member as the API shows it (DESIGN §5). */
record MemberResponse(String id, String firstName, String lastName, String email, @Nullable String phone,
                      Balance balance, Instant createdAt, Instant updatedAt, long version) {

    record Balance(BigDecimal receivables, BigDecimal debts, BigDecimal collected, BigDecimal outstanding) {
    }

    static MemberResponse of(Member member) {
        Member.Balance b = member.balance() == null ? Member.Balance.ZERO : member.balance();
        return new MemberResponse(member.id(), member.firstName(), member.lastName(), member.email(), member.phone(),
                new Balance(money(b.receivables()), money(b.debts()), money(b.collected()), money(b.outstanding())),
                member.createdAt(), member.updatedAt(), member.version());
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_EVEN);
    }
}
