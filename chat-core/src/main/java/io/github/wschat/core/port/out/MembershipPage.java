package io.github.wschat.core.port.out;

import io.github.wschat.core.domain.Membership;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a room's memberships ({@link RoomMembership#members}) and, when more may follow, the
 * cursor of the next page. As with a {@link ConnectionPage}, a page may hold fewer than asked, even
 * none, while a cursor is present; iteration ends only when {@link #next()} is empty.
 */
public final class MembershipPage {

    private final List<Membership> memberships;
    private final PageCursor next;

    private MembershipPage(List<Membership> memberships, PageCursor next) {
        this.memberships = List.copyOf(Objects.requireNonNull(memberships, "memberships"));
        this.next = next;
    }

    /** A page followed by more, starting at {@code next}. */
    public static MembershipPage of(List<Membership> memberships, PageCursor next) {
        return new MembershipPage(memberships, Objects.requireNonNull(next, "next"));
    }

    /** The last page. */
    public static MembershipPage last(List<Membership> memberships) {
        return new MembershipPage(memberships, null);
    }

    public List<Membership> memberships() {
        return memberships;
    }

    /** The cursor of the following page; empty on the last page. */
    public Optional<PageCursor> next() {
        return Optional.ofNullable(next);
    }

    @Override
    public String toString() {
        return "MembershipPage[" + memberships.size() + " memberships, next=" + next + "]";
    }
}
