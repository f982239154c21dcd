package app.financetracker.user.member;

import java.math.BigDecimal;
import java.time.Instant;

/** A member as the API shows it (DESIGN §5). */
record MemberResponse(String id, String firstName, String lastName, String email, String phone, Balance balance,
                      Instant createdAt, Instant updatedAt, Long version) {

    record Balance(BigDecimal receivables, BigDecimal debts, BigDecimal collected, BigDecimal outstanding) {
    }

    static MemberResponse of(Member member) {
        Member.Balance b = member.balance;
        return new MemberResponse(member.id, member.firstName, member.lastName, member.email, member.phone,
                new Balance(b.receivables(), b.debts(), b.collected(), b.outstanding()), member.createdAt,
                member.updatedAt, member.version);
    }
}
