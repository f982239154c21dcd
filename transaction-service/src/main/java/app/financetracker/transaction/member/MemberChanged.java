package app.financetracker.transaction.member;

/**
 * The current state of a member, announced in-process on every delivery of their newest event, so that what
 * this service copied of them (their name on transactions, their transactions) follows, within their entity.
 */
public record MemberChanged(String entityId, String memberId, String displayName, boolean deleted) {
}
