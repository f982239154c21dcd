package app.financetracker.user.member;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface MemberRepository extends MongoRepository<Member, String> {

    Page<Member> findByDeletedFalse(Pageable pageable);

    Optional<Member> findByIdAndDeletedFalse(String id);
}
