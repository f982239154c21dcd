package app.financetracker.user.member;

import app.financetracker.events.EventTypes;
import app.financetracker.kit.outbox.OutboxRelay;
import app.financetracker.kit.web.NotFoundException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class MemberController {

    private final MemberRepository members;
    private final OutboxRelay relay;

    MemberController(MemberRepository members, OutboxRelay relay) {
        this.members = members;
        this.relay = relay;
    }

    @GetMapping
    PagedModel<MemberResponse> list(@PageableDefault(size = 20, sort = "lastName") Pageable pageable) {
        return new PagedModel<>(members.findByDeletedFalse(pageable).map(MemberResponse::of));
    }

    @GetMapping("/{id}")
    MemberResponse get(@PathVariable String id) {
        return members.findByIdAndDeletedFalse(id).map(MemberResponse::of)
                .orElseThrow(() -> new NotFoundException("Member", id));
    }

    @PostMapping
    ResponseEntity<MemberResponse> create(@Valid @RequestBody MemberRequest request) {
        Member member = new Member();
        member.id = UUID.randomUUID().toString();
        member.firstName = request.firstName().strip();
        member.lastName = request.lastName().strip();
        member.email = request.email().strip().toLowerCase();
        member.phone = request.phone();
        MemberEvents.record(member, EventTypes.USER_CREATED);
        Member saved = members.insert(member);
        relay.wakeUp();
        return ResponseEntity.created(URI.create("/api/users/" + saved.id)).body(MemberResponse.of(saved));
    }
}
